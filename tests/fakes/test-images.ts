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
export const makeJpeg = (width: number, height: number): Buffer =>
  Buffer.from(jpeg.encode({ data: pixels(width, height), width, height }, 80).data);

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
