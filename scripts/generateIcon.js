#!/usr/bin/env node
// Draws build/icon.png (1024×1024): a page with spec lines on an indigo tile. No dependencies, no network.
import { Buffer } from 'node:buffer';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const size = 1024;
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** Coverage (0..1) of a rounded rectangle at a pixel centre, anti-aliased over one pixel. */
function roundedRect(x, y, left, top, right, bottom, radius) {
  const cx = Math.max(left + radius, Math.min(x, right - radius));
  const cy = Math.max(top + radius, Math.min(y, bottom - radius));
  const distance = Math.hypot(x - cx, y - cy) - radius;
  return Math.max(0, Math.min(1, 0.5 - distance));
}

function blend(pixel, color, alpha) {
  for (let channel = 0; channel < 3; channel++) {
    pixel[channel] = pixel[channel] * (1 - alpha) + color[channel] * alpha;
  }
  pixel[3] = pixel[3] + (255 - pixel[3]) * alpha;
}

const rows = [];
for (let y = 0; y < size; y++) {
  const row = Buffer.alloc(1 + size * 4);
  for (let x = 0; x < size; x++) {
    const pixel = [0, 0, 0, 0];
    const t = (x + y) / (2 * size);
    const tile = [79 + (124 - 79) * t, 70 + (58 - 70) * t, 229 + (237 - 229) * t];
    blend(pixel, tile, roundedRect(x + 0.5, y + 0.5, 64, 64, 960, 960, 200));
    blend(pixel, [255, 255, 255], roundedRect(x + 0.5, y + 0.5, 272, 192, 752, 832, 40));
    for (const [top, right] of [
      [300, 640],
      [380, 690],
      [460, 600],
      [540, 690],
    ]) {
      blend(pixel, [99, 102, 241], roundedRect(x + 0.5, y + 0.5, 336, top, right, top + 36, 18));
    }
    blend(pixel, [16, 185, 129], roundedRect(x + 0.5, y + 0.5, 336, 660, 540, 740, 24));
    row[1 + x * 4] = Math.round(pixel[0]);
    row[2 + x * 4] = Math.round(pixel[1]);
    row[3 + x * 4] = Math.round(pixel[2]);
    row[4 + x * 4] = Math.round(pixel[3]);
  }
  rows.push(row);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header.set([8, 6, 0, 0, 0], 8);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(path.join(root, 'build', 'icon.png'), png);
process.stdout.write(`wrote build/icon.png (${size}×${size}, ${png.length} bytes)\n`);
