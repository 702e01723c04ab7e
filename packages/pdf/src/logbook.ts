import { describeActivity, installationPairs } from './describe.js';
import { colon, formatDate, formatNumber } from './format.js';
import { LABELS } from './labels.js';
import { DocumentBuilder } from './layout.js';
import type { LogbookDocument } from './types.js';

/** The legal logbook of one installation, with the verification digest a regulator can check. */
export async function renderLogbook(l: LogbookDocument): Promise<Buffer> {
  const L = LABELS[l.lang];
  const b = new DocumentBuilder(l.lang, {
    title: `${L.logbook} ${l.installation.reference}`,
    author: l.company.name,
  });
  b.companyHeader(l.company);
  b.title(L.logbook, `${l.installation.reference || l.installation.token} · ${l.customer.name}`);
  b.paragraph(L.logbookIntro, { muted: true });
  b.grid(installationPairs(l.installation, l.lang));
  if (l.leakLoss) {
    const limit =
      l.leakLoss.limitPercent === null ? '' : ` (max. ${formatNumber(l.leakLoss.limitPercent, l.lang)} %)`;
    b.paragraph(`${L.leakLoss}${colon(l.lang)}${formatNumber(l.leakLoss.percent, l.lang)} %${limit}`);
  }
  b.heading(L.activities);
  if (l.entries.length === 0) b.paragraph(L.noEntries, { muted: true });
  else {
    const rows = l.entries.flatMap((e) =>
      e.activities.map((a) => {
        const { title, details } = describeActivity(a, l.lang);
        return [formatDate(e.date, l.lang), `${e.workOrderNumber}`, e.executor ?? '—', title, details];
      }),
    );
    b.table([L.executedOn, L.number, L.technician, L.activities, ''], rows, [0.13, 0.08, 0.17, 0.2, 0.42]);
  }
  b.heading(L.digest);
  b.doc.font('regular').fontSize(9).text(l.digest, { width: b.width });
  if (l.previousDigest)
    b.paragraph(`${L.previousDigest}${colon(l.lang)}${l.previousDigest}`, { muted: true, size: 8 });
  b.paragraph(`${L.verifyAt} ${l.verifyUrl}`, { muted: true, size: 8.5 });
  return b.finish(l.generatedAt, l.company.footer);
}
