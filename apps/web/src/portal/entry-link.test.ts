import { describe, expect, it } from 'vitest';
import { compactCode, groupCode, parseEntryLink } from './entry-link';

describe('portal entry links', () => {
  it('reads the code from the fragment and removes it', () => {
    const link = parseEntryLink('https://climalog.example/portal#code=K7QM2-XHP9R-TA4BC-2MN7P');
    expect(link).toMatchObject({ code: 'K7QM2-XHP9R-TA4BC-2MN7P', token: '', found: true });
    expect(link.cleanUrl).toBe('/portal');
  });

  it('reads the installation token from the query and keeps the rest of the address', () => {
    const link = parseEntryLink('https://climalog.example/portal/installations/1?token=abcde-fghjk&x=1#top');
    expect(link).toMatchObject({ code: '', token: 'abcde-fghjk', found: true });
    expect(link.cleanUrl).toBe('/portal/installations/1?x=1#top');
  });

  it('leaves an ordinary address alone', () => {
    expect(parseEntryLink('https://climalog.example/portal/consultations')).toMatchObject({
      found: false,
      cleanUrl: '/portal/consultations',
    });
  });

  it('compares codes without case, spaces and dashes, and groups complete ones by five', () => {
    expect(compactCode(' k7qm2 xhp9r-ta4bc 2mn7p ')).toBe('K7QM2XHP9RTA4BC2MN7P');
    expect(groupCode('k7qm2xhp9rta4bc2mn7p')).toBe('K7QM2-XHP9R-TA4BC-2MN7P');
    expect(groupCode('k7qm2 xhp')).toBe('K7QM2 XHP');
  });
});
