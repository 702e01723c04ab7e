import { describeActivity, installationPairs } from './describe.js';
import { colon, formatDate, formatNumber } from './format.js';
import { LABELS } from './labels.js';
import { DocumentBuilder } from './layout.js';
import type { WorkOrderDocument } from './types.js';

/** The work order as handed to the customer, in the customer's language. */
export async function renderWorkOrder(w: WorkOrderDocument): Promise<Buffer> {
  const L = LABELS[w.lang];
  const b = new DocumentBuilder(w.lang, { title: `${L.workOrder} ${w.number}`, author: w.company.name });
  b.companyHeader(w.company);
  b.title(`${L.workOrder} ${w.number}`, L.statuses[w.status]);
  b.grid([
    [L.customer, [w.customer.name, ...w.customer.addressLines].join('\n')],
    [L.status, L.statuses[w.status]],
    [L.plannedOn, formatDate(w.plannedOn, w.lang)],
    [L.executedOn, formatDate(w.executedOn, w.lang)],
    [L.technician, w.executor?.name ?? '—'],
    [L.certificateNo, w.executor?.certificateNumber ?? '—'],
  ]);
  if (w.labels.length > 0)
    b.paragraph(`${L.labels}${colon(w.lang)}${w.labels.join(', ')}`, { muted: true, size: 9 });

  for (const installation of w.installations) {
    b.heading(`${L.installation}${colon(w.lang)}${installation.reference || installation.token}`);
    b.grid(installationPairs(installation, w.lang));
  }

  b.heading(L.activities);
  if (w.activities.length === 0) b.paragraph('—', { muted: true });
  else {
    const several = w.installations.length > 1;
    b.table(
      several ? [L.installation, L.activities, ''] : [L.activities, ''],
      w.activities.map((a) => {
        const { title, details } = describeActivity(a, w.lang);
        return several ? [a.installation, title, details] : [title, details];
      }),
      several ? [0.2, 0.25, 0.55] : [0.3, 0.7],
    );
  }

  if (w.products.length > 0) {
    b.heading(L.products);
    b.table(
      ['', L.quantity],
      w.products.map((p) => [p.name, `${formatNumber(p.quantity, w.lang, 3)} ${p.unit}`]),
      [0.75, 0.25],
    );
  }
  if (w.notes) {
    b.heading(L.notes);
    b.paragraph(w.notes);
  }
  if (w.signatures.length > 0) {
    // Heading and signatures stay together on one page.
    b.ensureSpace(150);
    b.heading(L.signatures);
    const top = b.doc.y;
    w.signatures.forEach((s, i) => {
      b.doc.y = top;
      b.image(s.image, {
        x: 50 + i * (b.width / 2),
        width: Math.min(220, b.width / 2 - 20),
        height: 80,
        caption: `${L.signatureRoles[s.role]}${colon(w.lang)}${s.signerName || '—'} · ${formatDate(s.signedAt, w.lang)}`,
      });
    });
    b.doc.y = top + 110;
  }
  return b.finish(w.generatedAt, w.company.footer);
}
