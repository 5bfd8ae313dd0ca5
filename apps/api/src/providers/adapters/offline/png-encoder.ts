import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * An 8-bit RGB PNG (colour type 2) of `pixels` (row-major, 3 bytes a pixel). Every row uses the Sub filter (each byte
 * minus the one a pixel to its left), which suits the offline pictures' gradients, and a fast deflate: the filter is
 * one pass here where pngjs ran a generic per-byte packer and filter in JS.
 */
export function encodeRgbPng(pixels: Uint8Array, width: number, height: number): Buffer {
  const stride = width * 3;
  const raw = new Uint8Array((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const o = y * (stride + 1) + 1;
    const p = y * stride;
    raw[o - 1] = 1; // Sub
    raw[o] = pixels[p];
    raw[o + 1] = pixels[p + 1];
    raw[o + 2] = pixels[p + 2];
    for (let x = 3; x < stride; x++) raw[o + x] = pixels[p + x] - pixels[p + x - 3];
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB; compression, filter method and interlace stay 0
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 2 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A PNG chunk: length, type, data and the CRC-32 of type and data. */
function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.allocUnsafe(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
