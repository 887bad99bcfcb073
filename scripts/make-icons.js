#!/usr/bin/env node
/* Writes assets/icon-{16,32,64,80}.png: a teal square with a white "B" bar mark. Node zlib only, no image library. */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** RGBA pixels: background square, and a simple mark (vertical bar plus two bars: a blocky "B"). */
function pixel(x, y, n) {
  const u = (x + 0.5) / n,
    v = (y + 0.5) / n;
  const inMark =
    (u > 0.28 && u < 0.4 && v > 0.2 && v < 0.8) ||
    (u > 0.28 && u < 0.68 && ((v > 0.2 && v < 0.3) || (v > 0.45 && v < 0.55) || (v > 0.7 && v < 0.8))) ||
    (u > 0.6 && u < 0.72 && v > 0.2 && v < 0.8 && !(v > 0.3 && v < 0.45 && u < 0.62));
  return inMark ? [255, 255, 255, 255] : [0, 120, 122, 255];
}

function png(n) {
  const raw = Buffer.alloc(n * (n * 4 + 1));
  for (let y = 0; y < n; y++) {
    raw[y * (n * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < n; x++) Buffer.from(pixel(x, y, n)).copy(raw, y * (n * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(n, 0);
  ihdr.writeUInt32BE(n, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    sig,
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const out = path.resolve(__dirname, "..", "assets");
fs.mkdirSync(out, { recursive: true });
for (const n of [16, 32, 64, 80]) fs.writeFileSync(path.join(out, `icon-${n}.png`), png(n));
console.log(`wrote ${out}/icon-{16,32,64,80}.png`);
