// Draws media/icon.png (128×128): a postmortem page with a timeline and a check mark badge.
// Run `node scripts/make-icon.mjs` after changing a shape; the PNG is checked in.
import { Buffer } from 'node:buffer';
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4; // per axis: 16 samples a pixel smooth the edges

const hex = (h, a = 255) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16), a];
const COLORS = {
  background: hex('#1d3461'),
  page: hex('#f4f6fb'),
  fold: hex('#c3cde2'),
  rail: hex('#9aa8c4'),
  text: hex('#b6c1d9'),
  red: hex('#e5484d'),
  orange: hex('#f0a030'),
  blue: hex('#3b82f6'),
  ring: hex('#1d3461'),
  badge: hex('#2ea043'),
  check: hex('#ffffff'),
};

function roundedRect(x, y, left, top, right, bottom, r) {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + r), right - r);
  const cy = Math.min(Math.max(y, top + r), bottom - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}
const circle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
function nearSegment(x, y, [ax, ay], [bx, by], halfWidth) {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return (x - ax - t * (bx - ax)) ** 2 + (y - ay - t * (by - ay)) ** 2 <= halfWidth * halfWidth;
}

const PAGE = { left: 26, top: 16, right: 90, bottom: 112, fold: 20 };
/** The colour at one point, painting shapes back to front; undefined is transparent. */
function colorAt(x, y) {
  let color;
  if (roundedRect(x, y, 0, 0, SIZE, SIZE, 26)) color = COLORS.background;
  const foldLeft = PAGE.right - PAGE.fold;
  const beyondFold = x > foldLeft && y < PAGE.top + PAGE.fold && x - foldLeft > y - PAGE.top;
  if (roundedRect(x, y, PAGE.left, PAGE.top, PAGE.right, PAGE.bottom, 7) && !beyondFold) color = COLORS.page;
  if (x >= foldLeft && x <= PAGE.right && y >= PAGE.top && y <= PAGE.top + PAGE.fold && x - foldLeft <= y - PAGE.top) color = COLORS.fold;
  if (x >= 40 && x <= 43 && y >= 40 && y <= 94) color = COLORS.rail;
  for (const [cy, dot] of [[42, COLORS.red], [62, COLORS.orange], [82, COLORS.blue]]) {
    if (circle(x, y, 41.5, cy, 5.5)) color = dot;
    if (roundedRect(x, y, 52, cy - 3, cy === 42 ? 72 : 78, cy + 3, 3)) color = COLORS.text;
  }
  if (circle(x, y, 92, 94, 26)) color = COLORS.ring;
  if (circle(x, y, 92, 94, 21)) color = COLORS.badge;
  if (nearSegment(x, y, [81, 95], [89, 103], 3.4) || nearSegment(x, y, [89, 103], [104, 85], 3.4)) color = COLORS.check;
  return color;
}

const pixels = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let py = 0; py < SIZE; py++) {
  pixels[py * (SIZE * 4 + 1)] = 0; // filter: none
  for (let px = 0; px < SIZE; px++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const c = colorAt(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
        if (!c) continue;
        // Premultiplied, so transparent samples do not darken the edge.
        for (let i = 0; i < 3; i++) sum[i] += (c[i] * c[3]) / 255;
        sum[3] += c[3];
      }
    }
    const n = SAMPLES * SAMPLES;
    const alpha = sum[3] / n;
    const at = py * (SIZE * 4 + 1) + 1 + px * 4;
    for (let i = 0; i < 3; i++) pixels[at + i] = alpha ? Math.round(((sum[i] / n) * 255) / alpha) : 0;
    pixels[at + 3] = Math.round(alpha);
  }
}

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

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(pixels, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../media/icon.png', import.meta.url), png);
console.log(`media/icon.png: ${png.length} bytes`);
