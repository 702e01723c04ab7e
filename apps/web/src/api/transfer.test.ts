import { describe, expect, it } from 'vitest';
import { filenameOf } from './transfer';

describe('filenameOf', () => {
  it('takes the server’s file name, preferring the UTF-8 one', () => {
    expect(filenameOf('attachment; filename="werkbon-12.pdf"', 'x.pdf')).toBe('werkbon-12.pdf');
    expect(filenameOf(`attachment; filename="foto_.jpg"; filename*=UTF-8''foto%C3%A9.jpg`, 'x')).toBe(
      'fotoé.jpg',
    );
    expect(filenameOf('attachment; filename=plain.xlsx', 'x')).toBe('plain.xlsx');
  });

  it('falls back when there is no usable name', () => {
    expect(filenameOf(null, 'logbook.pdf')).toBe('logbook.pdf');
    expect(filenameOf('attachment', 'logbook.pdf')).toBe('logbook.pdf');
  });
});
