// Draws the field app's icons (the Climalog mark: white strokes on teal) as PNG files in
// apps/web/public/, with Node's built-ins only. Run: node apps/web/src/field/tools/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const OUT = new URL('../../../public/', import.meta.url);
const TEAL = [0x0b, 0x77, 0x77];
const WHITE = [0xff, 0xff, 0xff];
// The mark on a 32 × 32 grid (as in the favicon and the apps' logo).
const SEGMENTS = [
  [16, 7, 16, 25],
  [8.2, 11.5, 23.8, 20.5],
  [8.2, 20.5, 23.8, 11.5],
];
const STROKE = 2.4;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function distanceToSegment(px, py, [x1, y1, x2, y2]) {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const t = Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
}

function insideRoundedSquare(x, y, size, radius) {
  const cx = Math.min(Math.max(x, radius), size - radius);
  const cy = Math.min(Math.max(y, radius), size - radius);
  return Math.hypot(x - cx, y - cy) <= radius;
}

/**
 * One icon: `rounded` gives the tile rounded corners (purpose "any"); `markScale` shrinks the mark
 * into the safe zone of a maskable icon.
 */
function draw(size, { rounded, markScale }) {
  const rgba = Buffer.alloc(size * size * 4);
  const samples = 4;
  const unit = size / 32;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let tile = 0;
      let mark = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const px = x + (sx + 0.5) / samples;
          const py = y + (sy + 0.5) / samples;
          if (!rounded || insideRoundedSquare(px, py, size, size * 0.22)) tile++;
          // Mark coordinates on the 32 grid, scaled around the centre.
          const gx = 16 + (px / unit - 16) / markScale;
          const gy = 16 + (py / unit - 16) / markScale;
          if (SEGMENTS.some((s) => distanceToSegment(gx, gy, s) <= STROKE / 2)) mark++;
        }
      }
      const n = samples * samples;
      const a = tile / n;
      const m = Math.min(mark / n, a);
      const i = (y * size + x) * 4;
      for (let c = 0; c < 3; c++)
        rgba[i + c] = Math.round(a > 0 ? (TEAL[c] * (a - m) + WHITE[c] * m) / a : 0);
      rgba[i + 3] = Math.round(a * 255);
    }
  }
  return png(size, rgba);
}

const ICONS = [
  ['field-icon-192.png', 192, { rounded: true, markScale: 1 }],
  ['field-icon-512.png', 512, { rounded: true, markScale: 1 }],
  ['field-icon-maskable-512.png', 512, { rounded: false, markScale: 0.72 }],
  ['field-icon-180.png', 180, { rounded: false, markScale: 0.85 }],
];

for (const [name, size, options] of ICONS) {
  writeFileSync(new URL(name, OUT), draw(size, options));
  console.log(`wrote public/${name}`);
}
