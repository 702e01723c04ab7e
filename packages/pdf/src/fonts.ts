import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// DejaVu covers every character our documents print (é, ë, ç, ß, €, ³, CO₂, Ø …) and is embedded.
const require = createRequire(import.meta.url);
// fontkit (pdfkit's own font parser) ships no types: this is the one function used.
const fontkit = require('fontkit') as { create(buffer: Uint8Array): unknown };
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

export type FontName = keyof typeof FILES;

const parsed = new Map<FontName, unknown>();

/**
 * The parsed font, once per thread. pdfkit would read and parse the 700 kB files again for every
 * document — measured at more than half of a work order's render time — while a parsed font can
 * serve any number of documents (each still embeds its own subset).
 */
export function font(name: FontName): PDFKit.Mixins.PDFFontSource {
  let loaded = parsed.get(name);
  if (!loaded) {
    loaded = fontkit.create(readFileSync(join(FONT_DIR, FILES[name])));
    parsed.set(name, loaded);
  }
  // pdfkit accepts a fontkit font where its types only list paths and bytes.
  return loaded as PDFKit.Mixins.PDFFontSource;
}
