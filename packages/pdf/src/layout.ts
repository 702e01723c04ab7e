import PDFDocument from 'pdfkit';
import { font } from './fonts.js';
import { colon, formatDateTime } from './format.js';
import { LABELS } from './labels.js';
import type { Company, Lang } from './types.js';

export const COLOURS = {
  accent: '#0b7285',
  text: '#1a1b1e',
  muted: '#5c5f66',
  rule: '#dee2e6',
  band: '#f1f3f5',
};
const MARGIN = 50;
const FOOTER_SPACE = 40;

export type Row = Array<string>;

/**
 * A small layout layer over pdfkit: the company header, titles, label/value grids, tables that break
 * across pages with their header repeated, and page numbers in the footer.
 */
export class DocumentBuilder {
  readonly doc: PDFKit.PDFDocument;
  readonly lang: Lang;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;

  constructor(lang: Lang, info: { title: string; author: string }) {
    this.lang = lang;
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN },
      bufferPages: true,
      info: { Title: info.title, Author: info.author, Creator: 'Climalog' },
      lang,
    });
    this.doc.registerFont('regular', font('regular'));
    this.doc.registerFont('bold', font('bold'));
    this.doc.font('regular').fontSize(10).fillColor(COLOURS.text);
    this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
  }

  get width(): number {
    return this.doc.page.width - MARGIN * 2;
  }

  private get bottom(): number {
    return this.doc.page.height - MARGIN - FOOTER_SPACE;
  }

  /** Starts a new page when less than `height` is left. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  /** Logo left, company name, address and registration numbers right. */
  companyHeader(company: Company): void {
    const top = this.doc.y;
    if (company.logo) {
      try {
        this.doc.image(company.logo, MARGIN, top, { fit: [140, 60] });
      } catch {
        // An unreadable logo must not stop the document.
      }
    }
    const L = LABELS[this.lang];
    const lines = [
      ...company.addressLines,
      [company.phone, company.email].filter(Boolean).join(' · '),
      company.enterpriseNumber ? `${L.enterpriseNo} ${company.enterpriseNumber}` : '',
      company.vatNumber ? `${L.vat} ${company.vatNumber}` : '',
      ...company.certificates.map((c) => `${c.kind}${colon(this.lang)}${c.number}`),
    ].filter(Boolean);
    const x = MARGIN + this.width / 2;
    this.doc
      .font('bold')
      .fontSize(12)
      .fillColor(COLOURS.text)
      .text(company.name, x, top, { width: this.width / 2, align: 'right' });
    this.doc.font('regular').fontSize(8.5).fillColor(COLOURS.muted);
    for (const line of lines) this.doc.text(line, x, undefined, { width: this.width / 2, align: 'right' });
    this.doc.y = Math.max(this.doc.y, top + 64) + 12;
    this.doc
      .moveTo(MARGIN, this.doc.y)
      .lineTo(MARGIN + this.width, this.doc.y)
      .strokeColor(COLOURS.accent)
      .lineWidth(1.5)
      .stroke();
    this.doc.y += 16;
    this.doc.x = MARGIN;
  }

  title(text: string, subtitle?: string): void {
    this.doc
      .font('bold')
      .fontSize(18)
      .fillColor(COLOURS.accent)
      .text(text, MARGIN, this.doc.y, { width: this.width });
    if (subtitle)
      this.doc.font('regular').fontSize(10).fillColor(COLOURS.muted).text(subtitle, { width: this.width });
    this.doc.moveDown(0.8);
    this.doc.fillColor(COLOURS.text);
  }

  heading(text: string): void {
    this.ensureSpace(40);
    this.doc.moveDown(0.6);
    this.doc
      .font('bold')
      .fontSize(11.5)
      .fillColor(COLOURS.accent)
      .text(text, MARGIN, this.doc.y, { width: this.width });
    this.doc
      .moveTo(MARGIN, this.doc.y + 2)
      .lineTo(MARGIN + this.width, this.doc.y + 2)
      .strokeColor(COLOURS.rule)
      .lineWidth(0.7)
      .stroke();
    this.doc.y += 8;
    this.doc.font('regular').fontSize(10).fillColor(COLOURS.text);
  }

  paragraph(text: string, options: { muted?: boolean; size?: number } = {}): void {
    if (!text) return;
    this.doc
      .font('regular')
      .fontSize(options.size ?? 10)
      .fillColor(options.muted ? COLOURS.muted : COLOURS.text)
      .text(text, MARGIN, this.doc.y, { width: this.width });
    this.doc.fillColor(COLOURS.text).moveDown(0.4);
  }

  /** Label/value pairs in two columns. */
  grid(pairs: Array<[string, string]>, columns = 2): void {
    const gap = 16;
    const colWidth = (this.width - gap * (columns - 1)) / columns;
    const labelWidth = colWidth * 0.42;
    for (let i = 0; i < pairs.length; i += columns) {
      const row = pairs.slice(i, i + columns);
      const heights = row.map(([label, value]) =>
        Math.max(
          this.doc
            .font('regular')
            .fontSize(8.5)
            .heightOfString(label, { width: labelWidth - 4 }),
          this.doc
            .font('regular')
            .fontSize(9.5)
            .heightOfString(value || '—', { width: colWidth - labelWidth }),
        ),
      );
      const height = Math.max(...heights) + 5;
      this.ensureSpace(height);
      const y = this.doc.y;
      row.forEach(([label, value], c) => {
        const x = MARGIN + c * (colWidth + gap);
        this.doc
          .font('regular')
          .fontSize(8.5)
          .fillColor(COLOURS.muted)
          .text(label, x, y, { width: labelWidth - 4 });
        this.doc
          .font('regular')
          .fontSize(9.5)
          .fillColor(COLOURS.text)
          .text(value || '—', x + labelWidth, y, { width: colWidth - labelWidth });
      });
      this.doc.y = y + height;
    }
    this.doc.x = MARGIN;
    this.doc.moveDown(0.3);
  }

  /** A table whose header repeats on every page it spans. `widths` are fractions of the width. */
  table(headers: Row, rows: Row[], widths: number[]): void {
    const cols = widths.map((w) => w * this.width);
    const pad = 4;
    const drawHeader = () => {
      const y = this.doc.y;
      const height =
        Math.max(
          ...headers.map((h, i) =>
            this.doc
              .font('bold')
              .fontSize(8.5)
              .heightOfString(h, { width: cols[i]! - pad * 2 }),
          ),
        ) +
        pad * 2;
      this.doc.rect(MARGIN, y, this.width, height).fill(COLOURS.band);
      let x = MARGIN;
      headers.forEach((h, i) => {
        this.doc
          .font('bold')
          .fontSize(8.5)
          .fillColor(COLOURS.text)
          .text(h, x + pad, y + pad, { width: cols[i]! - pad * 2 });
        x += cols[i]!;
      });
      this.doc.y = y + height;
    };
    this.ensureSpace(40);
    drawHeader();
    for (const row of rows) {
      const height =
        Math.max(
          ...row.map((cell, i) =>
            this.doc
              .font('regular')
              .fontSize(9)
              .heightOfString(cell || '—', { width: cols[i]! - pad * 2 }),
          ),
        ) +
        pad * 2;
      if (this.doc.y + height > this.bottom) {
        this.doc.addPage();
        drawHeader();
      }
      const y = this.doc.y;
      let x = MARGIN;
      row.forEach((cell, i) => {
        this.doc
          .font('regular')
          .fontSize(9)
          .fillColor(COLOURS.text)
          .text(cell || '—', x + pad, y + pad, { width: cols[i]! - pad * 2 });
        x += cols[i]!;
      });
      this.doc
        .moveTo(MARGIN, y + height)
        .lineTo(MARGIN + this.width, y + height)
        .strokeColor(COLOURS.rule)
        .lineWidth(0.5)
        .stroke();
      this.doc.y = y + height;
    }
    this.doc.x = MARGIN;
    this.doc.moveDown(0.5);
  }

  image(data: Buffer, options: { width: number; height: number; caption?: string; x?: number }): void {
    this.ensureSpace(options.height + 24);
    const x = options.x ?? MARGIN;
    const y = this.doc.y;
    try {
      this.doc.image(data, x, y, { fit: [options.width, options.height] });
    } catch {
      // a broken image leaves its frame empty
    }
    this.doc.rect(x, y, options.width, options.height).strokeColor(COLOURS.rule).lineWidth(0.5).stroke();
    if (options.caption) {
      this.doc
        .font('regular')
        .fontSize(8.5)
        .fillColor(COLOURS.muted)
        .text(options.caption, x, y + options.height + 4, { width: options.width });
    }
  }

  /** Page numbers and the generation time on every page, then the finished file. */
  async finish(generatedAt: string, footer: string): Promise<Buffer> {
    const L = LABELS[this.lang];
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const y = this.doc.page.height - MARGIN - 12;
      // Writing inside the bottom margin must not trigger an automatic page break.
      const bottomMargin = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      this.doc.font('regular').fontSize(7.5).fillColor(COLOURS.muted);
      this.doc.text(footer || L.generated(formatDateTime(generatedAt, this.lang)), MARGIN, y, {
        width: this.width * 0.7,
        lineBreak: false,
      });
      this.doc.text(L.page(i - range.start + 1, range.count), MARGIN + this.width * 0.7, y, {
        width: this.width * 0.3,
        align: 'right',
        lineBreak: false,
      });
      if (footer)
        this.doc.text(L.generated(formatDateTime(generatedAt, this.lang)), MARGIN, y + 10, {
          width: this.width,
          lineBreak: false,
        });
      this.doc.page.margins.bottom = bottomMargin;
    }
    this.doc.end();
    return this.done;
  }
}
