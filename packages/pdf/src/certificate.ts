import { describeActivity, installationPairs } from './describe.js';
import { formatDate } from './format.js';
import { LABELS } from './labels.js';
import { DocumentBuilder } from './layout.js';
import type { CertificateDocument } from './types.js';

/**
 * A certificate an operator must be able to show: leak check, cleaning and combustion (heating
 * maintenance), heating audit or air-conditioning energy inspection.
 */
export async function renderCertificate(c: CertificateDocument): Promise<Buffer> {
  const L = LABELS[c.lang];
  const title = L.certificates[c.kind];
  const b = new DocumentBuilder(c.lang, { title, author: c.company.name });
  b.companyHeader(c.company);
  b.title(title, `${L.workOrder} ${c.workOrderNumber} · ${formatDate(c.executedOn, c.lang)}`);
  b.paragraph(L.certificateIntro(c.company.name));
  b.grid([
    [L.customer, [c.customer.name, ...c.customer.addressLines].join('\n')],
    [L.executedOn, formatDate(c.executedOn, c.lang)],
    [L.technician, c.executor?.name ?? '—'],
    [L.certificateNo, c.executor?.certificateNumber ?? '—'],
  ]);
  b.heading(L.installation);
  b.grid(installationPairs(c.installation, c.lang));
  b.heading(L.activities);
  const { title: activityTitle, details } = describeActivity(c.activity, c.lang);
  b.table([L.activities, ''], [[activityTitle, details]], [0.3, 0.7]);
  if (c.nextDue) {
    b.heading(L.nextDue);
    b.paragraph(`${formatDate(c.nextDue.dueOn, c.lang)} — ${c.nextDue.explanation}`);
  }
  return b.finish(c.generatedAt, c.company.footer);
}
