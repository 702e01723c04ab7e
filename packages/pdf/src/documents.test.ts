import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { sampleCompany, sampleInstallation, sampleWorkOrder } from './fixtures.js';
import { renderCertificate, renderInstructionCard, renderLogbook, renderWorkOrder } from './index.js';
import type { Lang } from './types.js';

async function textOf(pdf: Buffer): Promise<string> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(doc, { mergePages: true });
  return text as string;
}

const TITLES: Record<Lang, string> = {
  nl: 'Werkbon 1042',
  fr: 'Bon de travail 1042',
  en: 'Work order 1042',
  de: 'Arbeitsauftrag 1042',
};
const LEAK_CHECK: Record<Lang, string> = {
  nl: 'Lekdichtheidscontrole',
  fr: "Contrôle d'étanchéité",
  en: 'Leak check',
  de: 'Dichtheitsprüfung',
};

describe('work order PDF', () => {
  it.each(['nl', 'fr', 'en', 'de'] as const)(
    'prints the work order in %s with every value and Unicode intact',
    async (lang) => {
      const pdf = await renderWorkOrder(sampleWorkOrder(lang));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const text = await textOf(pdf);
      expect(text).toContain(TITLES[lang]);
      expect(text).toContain(LEAK_CHECK[lang]);
      expect(text).toContain('Koeltechniek Peeters bv');
      expect(text).toContain('VLG-2023-0042');
      expect(text).toContain('Brasserie Ça Va – Straße €');
      expect(text).toContain('Koen Willems');
      expect(text).toContain('TECH-5512');
      expect(text).toContain('m³');
      expect(text).toContain('CO₂');
      expect(text).toContain(lang === 'en' ? '1.2 kg' : '1,2 kg');
      expect(text).toContain(lang === 'de' ? '21.11.2026' : '21/11/2026');
    },
  );

  it('breaks a long work order over pages with page numbers', async () => {
    const text = await textOf(await renderWorkOrder(sampleWorkOrder('nl', 50)));
    expect(text).toMatch(/Pagina 1 van [2-9]/);
  });
});

describe('certificates, instruction card and logbook', () => {
  it('prints a leak-check certificate with the next due date and its reason', async () => {
    const pdf = await renderCertificate({
      lang: 'fr',
      kind: 'leak_check',
      company: sampleCompany,
      customer: { name: 'Brasserie Ça Va', addressLines: [] },
      installation: sampleInstallation,
      activity: { installation: 'Koelcel 1', type: 'leak_check', result: 'no_leak' },
      workOrderNumber: 7,
      executedOn: '2026-11-21',
      executor: { name: 'Koen Willems', certificateNumber: 'TECH-5512' },
      nextDue: { dueOn: '2027-11-21', explanation: 'Contrôle tous les 12 mois (UE 2024/573 art. 5).' },
      generatedAt: '2026-11-21T10:05:00Z',
    });
    const text = await textOf(pdf);
    expect(text).toContain("Attestation de contrôle d'étanchéité");
    expect(text).toContain('Aucune fuite constatée');
    expect(text).toContain('21/11/2027');
  });

  it('prints an instruction card with the QR code of the portal link, and a logbook with its digest', async () => {
    const card = await renderInstructionCard({
      lang: 'de',
      company: sampleCompany,
      customer: { name: 'Bäckerei Müller', addressLines: [] },
      installation: sampleInstallation,
      components: [{ kind: 'Verdichter', brand: 'Bitzer', model: '4FES-5Y', serialNumber: 'B-1' }],
      portalUrl: 'https://climalog.example.be/portal/i/K7QM2-XHP9R-TA4BC-2MN7P',
      generatedAt: '2026-11-21T10:05:00Z',
    });
    const cardText = await textOf(card);
    expect(cardText).toContain('Anweisungskarte');
    expect(cardText).toContain('Bitzer');
    const logbook = await renderLogbook({
      lang: 'nl',
      company: sampleCompany,
      customer: { name: 'Bakkerij', addressLines: [] },
      installation: sampleInstallation,
      entries: [
        {
          date: '2026-11-21',
          workOrderNumber: 1042,
          executor: 'Koen Willems',
          activities: sampleWorkOrder('nl').activities,
        },
      ],
      leakLoss: { percent: 48, limitPercent: 5 },
      digest: 'a'.repeat(64),
      previousDigest: null,
      verifyUrl: 'https://climalog.example.be/verify/aaaa',
      generatedAt: '2026-11-21T10:05:00Z',
    });
    const logbookText = await textOf(logbook);
    expect(logbookText).toContain('a'.repeat(64));
    expect(logbookText).toContain('Relatief lekverlies: 48 %');
  });
});
