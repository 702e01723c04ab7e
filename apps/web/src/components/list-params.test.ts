import { describe, expect, it } from 'vitest';
import { readFilters, writeFilters } from './list-params';

const defaults = { q: '', status: null as string | null, mine: false, archived: 'false' };

describe('list filters in the URL', () => {
  it('reads the filters, with defaults for what the URL leaves out', () => {
    expect(readFilters(new URLSearchParams('q=koel&mine=true&sort=-name'), defaults)).toEqual({
      q: 'koel',
      status: null,
      mine: true,
      archived: 'false',
    });
    expect(readFilters(new URLSearchParams('status=&archived=all'), defaults)).toEqual({
      q: '',
      status: null,
      mine: false,
      archived: 'all',
    });
  });

  it('writes changes, leaves defaults out and keeps the other parameters', () => {
    const current = new URLSearchParams('q=koel&sort=-number&status=planned');
    const next = writeFilters(current, { q: '', status: 'executed', mine: true }, defaults);
    expect(next.toString()).toBe('sort=-number&status=executed&mine=true');
    expect(writeFilters(next, { mine: false, archived: 'false', status: null }, defaults).toString()).toBe(
      'sort=-number',
    );
    expect(current.toString()).toBe('q=koel&sort=-number&status=planned');
  });
});
