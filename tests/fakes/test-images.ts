import { crc32, deflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

// Real image files of chosen sizes, encoded by jpeg-js and pngjs, so image checks read true headers.

function pixels(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const x = i % width;
    data[i * 4] = (x * 255) / width;
    data[i * 4 + 1] = 120;
    data[i * 4 + 2] = 200;
    data[i * 4 + 3] = 255;
  }
  return data;
}

/** A baseline JPEG of `width × height`. */
export const makeJpeg = (width: number, height: number): Buffer => Buffer.from(jpeg.encode({ data: pixels(width, height), width, height }, 80).data);

/** A PNG of `width × height`. */
export function makePng(width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  pixels(width, height).copy(png.data);
  return PNG.sync.write(png);
}

/**
 * A PNG of seeded noise: PNG cannot compress it, so `width × height × 3` bytes and a little more —
 * 800 × 600 is about 1.44 MB, over Bluesky's 1,000,000-byte thumb limit, as a real photo saved as PNG is.
 */
export function makeNoisePng(width: number, height: number, seed = 12): Buffer {
  const png = new PNG({ width, height, colorType: 2 });
  let state = seed >>> 0;
  for (let i = 0; i < width * height; i++) {
    for (let c = 0; c < 3; c++) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      png.data[i * 4 + c] = state >>> 24;
    }
    png.data[i * 4 + 3] = 255;
  }
  return PNG.sync.write(png, { colorType: 2 });
}

/**
 * A decompression bomb: a valid 1-bit greyscale PNG declaring `side × side` pixels whose rows are all
 * zero, so it deflates to almost nothing (20000² ≈ 48 KB on disk, 1.5 GiB once decoded to RGBA).
 * Written chunk by chunk (PNG spec §5) because pngjs would first allocate the whole decoded picture.
 */
export function makeBombPng(side = 20_000): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.writeUInt8(1, 8); // bit depth 1
  header.writeUInt8(0, 9); // greyscale
  const row = Math.ceil(side / 8) + 1; // filter byte + packed bits
  const raw = Buffer.alloc(row * side);
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
