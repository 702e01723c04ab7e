import QRCode from 'qrcode';
import { installationPairs } from './describe.js';
import { LABELS } from './labels.js';
import { DocumentBuilder } from './layout.js';
import type { InstructionCardDocument } from './types.js';

/** The card that hangs by the installation: its data, components and a QR code to its portal logbook. */
export async function renderInstructionCard(card: InstructionCardDocument): Promise<Buffer> {
  const L = LABELS[card.lang];
  const b = new DocumentBuilder(card.lang, {
    title: `${L.instructionCard} ${card.installation.reference}`,
    author: card.company.name,
  });
  b.companyHeader(card.company);
  b.title(
    L.instructionCard,
    `${card.installation.reference || card.installation.token} · ${card.customer.name}`,
  );
  const qr = await QRCode.toBuffer(card.portalUrl, {
    type: 'png',
    margin: 1,
    width: 300,
    errorCorrectionLevel: 'M',
  });
  const top = b.doc.y;
  b.doc.image(qr, 50 + b.width - 130, top, { fit: [130, 130] });
  b.doc
    .font('regular')
    .fontSize(8)
    .fillColor('#5c5f66')
    .text(L.scanForLogbook, 50 + b.width - 130, top + 132, { width: 130, align: 'center' });
  b.doc.y = top;
  const gridWidthBefore = b.width;
  // The grid leaves room for the QR code on its right.
  const pairs = installationPairs(card.installation, card.lang);
  for (const [label, value] of pairs) {
    b.doc
      .font('regular')
      .fontSize(8.5)
      .fillColor('#5c5f66')
      .text(label, 50, b.doc.y, { width: 140, continued: false });
    b.doc.moveUp();
    b.doc
      .font('regular')
      .fontSize(10)
      .fillColor('#1a1b1e')
      .text(value || '—', 195, b.doc.y, { width: gridWidthBefore - 145 - 140 });
    b.doc.moveDown(0.2);
  }
  b.doc.y = Math.max(b.doc.y, top + 160);
  if (card.components.length > 0) {
    b.heading(L.components);
    b.table(
      [L.fields.kind!, L.fields.brand!, L.fields.model!, L.fields.serialNumber!],
      card.components.map((c) => [c.kind, c.brand, c.model, c.serialNumber]),
      [0.25, 0.25, 0.25, 0.25],
    );
  }
  b.paragraph(card.portalUrl, { muted: true, size: 8 });
  return b.finish(card.generatedAt, card.company.footer);
}
