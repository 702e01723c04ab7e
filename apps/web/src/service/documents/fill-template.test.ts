import { describe, expect, it } from 'vitest';
import { documentDate, fillTemplate, unknownPlaceholders } from './fill-template';
import { invalidAddresses, isEmailAddress } from './RecipientsInput';

const values = {
  customerName: 'Bakkerij Janssens',
  workOrderNumber: '1042',
  date: '31/12/2026',
  companyName: 'Koeltechniek Peeters',
};

describe('email template preview', () => {
  it('fills the four placeholders like the server and leaves unknown ones visible', () => {
    expect(
      fillTemplate('Werkbon {workOrderNumber} van {companyName} voor {customerName} ({date})', values),
    ).toBe('Werkbon 1042 van Koeltechniek Peeters voor Bakkerij Janssens (31/12/2026)');
    expect(fillTemplate('Groeten, {signature}', values)).toBe('Groeten, {signature}');
  });

  it('lists the placeholders the server does not know, once each', () => {
    expect(unknownPlaceholders('{customerName} {naam}', '{naam} {Date}')).toEqual(['{naam}', '{Date}']);
    expect(unknownPlaceholders('{customerName} {date}')).toEqual([]);
  });

  it('prints dates the way the documents do (Belgian locales, Belgian time)', () => {
    for (const language of ['nl', 'fr', 'en'] as const) {
      expect(documentDate('2026-03-05', language)).toBe('05/03/2026');
    }
    expect(documentDate('2026-03-05', 'de')).toBe('05.03.2026');
    expect(documentDate('2026-12-31T23:30:00Z', 'nl')).toBe('01/01/2027');
  });
});

describe('recipients', () => {
  it('accepts ordinary addresses and refuses what is not one', () => {
    expect(isEmailAddress('onthaal@bakkerij-janssens.be')).toBe(true);
    expect(invalidAddresses(['a@b.be', 'geen-adres', 'x@y', 'a@b.be;c@d.be'])).toEqual([
      'geen-adres',
      'x@y',
      'a@b.be;c@d.be',
    ]);
  });
});
