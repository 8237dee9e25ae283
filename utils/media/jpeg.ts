import { imageSize } from 'image-size';
import { ContentError } from '../errors';
import { firstStep, nextStep, tooLargeToDecode, type FitStep, type ImagePlan, type ImageProbe } from './plan';

// Image checks and conversion shared by networks that take a picture only in some shapes (Instagram
// first, every network's page image since). The probe reads the file header with `image-size` (no decoding, works in the worker and in
// Node); the conversion decodes and re-encodes with the browser's own codecs (createImageBitmap +
// OffscreenCanvas.convertToBlob), which exist in extension service workers and need no library.

export type { ImageProbe };

/** Width ÷ height bounds, inclusive. */
export interface RatioRange {
  min: number;
  max: number;
}

export interface Crop {
  sx: number;
  sy: number;
  sw: number;
  sh: number;
}

/**
 * The file's real format and pixel size from its header (`jpg`, `png`, `webp`, …), or undefined when
 * the bytes are no image `image-size` knows. The header decides, never the server's Content-Type.
 */
export function probeImage(bytes: Uint8Array): ImageProbe | undefined {
  try {
    const size = imageSize(bytes);
    if (!size.type || !size.width || !size.height) return undefined;
    // EXIF orientations 5–8 are stored rotated a quarter turn: the picture shows height × width.
    const turned = (size.orientation ?? 1) >= 5;
    return { type: size.type, width: turned ? size.height : size.width, height: turned ? size.width : size.height, bytes: bytes.byteLength };
  } catch {
    return undefined;
  }
}

/** True when `width × height` lies within `range` (the small tolerance absorbs 1080×566-style rounding). */
export function ratioFits(width: number, height: number, range: RatioRange): boolean {
  const ratio = width / height;
  return ratio >= range.min - 0.005 && ratio <= range.max + 0.005;
}

/**
 * The centred crop that brings `width × height` into `range` while keeping as much of the picture as
 * possible: too tall loses top and bottom, too wide loses the sides, one that fits is left whole.
 */
export function cropInto(width: number, height: number, range: RatioRange): Crop {
  const ratio = width / height;
  if (ratio > range.max) {
    const sw = Math.floor(height * range.max);
    return { sx: Math.floor((width - sw) / 2), sy: 0, sw, sh: height };
  }
  if (ratio < range.min) {
    const sh = Math.floor(width / range.min);
    return { sx: 0, sy: Math.floor((height - sh) / 2), sw: width, sh };
  }
  return { sx: 0, sy: 0, sw: width, sh: height };
}

/** Output size for `crop` no wider than `maxWidth`, proportions kept, whole pixels, at least 1. */
export function scaledSize(crop: Crop, maxWidth: number): { width: number; height: number } {
  const scale = Math.min(1, maxWidth / crop.sw);
  return { width: Math.max(1, Math.round(crop.sw * scale)), height: Math.max(1, Math.round(crop.sh * scale)) };
}

export interface JpegOptions {
  range: RatioRange;
  maxWidth: number;
  quality?: number;
}

/** Decodes with the browser's codecs; ContentError('image') where there are none or the file is unreadable. */
async function decode(bytes: Uint8Array, type: string): Promise<ImageBitmap> {
  if (typeof createImageBitmap !== 'function' || typeof OffscreenCanvas !== 'function') {
    throw new ContentError('image', 'no image codecs here');
  }
  // Every caller plans from the header first; this is the last guard before memory is committed.
  const probe = probeImage(bytes);
  if (!probe || tooLargeToDecode(probe)) throw new ContentError('image', 'too large to decode');
  try {
    return await createImageBitmap(new Blob([bytes as BlobPart], { type }));
  } catch {
    throw new ContentError('image', `${type} cannot be decoded`);
  }
}

/** Draws `crop` of `bitmap` at `width × height` and encodes it as `type` (JPEG at `quality`). */
async function encode(bitmap: ImageBitmap, crop: Crop, width: number, height: number, type: string, quality?: number): Promise<Uint8Array> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new ContentError('image', 'no 2d context');
  if (type === 'image/jpeg') {
    // JPEG has no transparency: a transparent PNG logo would otherwise turn black.
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
  }
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, crop.sx, crop.sy, crop.sw, crop.sh, 0, 0, width, height);
  const blob = await canvas.convertToBlob({ type, ...(quality !== undefined ? { quality } : {}) });
  return new Uint8Array(await blob.arrayBuffer());
}

/**
 * Decodes `bytes` (any format the browser reads), crops into `options.range`, scales down to
 * `maxWidth` and encodes JPEG. Throws ContentError('image') where the browser lacks the codecs
 * (Node, old browsers) or cannot read the file.
 */
export async function convertToJpeg(bytes: Uint8Array, type: string, options: JpegOptions): Promise<Uint8Array> {
  const bitmap = await decode(bytes, type);
  try {
    const crop = cropInto(bitmap.width, bitmap.height, options.range);
    const size = scaledSize(crop, options.maxWidth);
    return await encode(bitmap, crop, size.width, size.height, 'image/jpeg', options.quality ?? 0.9);
  } finally {
    bitmap.close();
  }
}

export interface ConvertedImage {
  bytes: Uint8Array;
  type: string;
  width: number;
  height: number;
}

/**
 * Re-encodes `bytes` by a `convert` plan (./plan.ts): decodes once, then tries the plan's steps —
 * largest size within the pixel and width limits, lower JPEG quality, smaller size — until the file is
 * within `plan.maxBytes`. Throws ContentError('image') when the browser cannot decode the file or no
 * step fits ('too large after conversion').
 */
export async function convertImage(bytes: Uint8Array, type: string, plan: Extract<ImagePlan, { kind: 'convert' }>): Promise<ConvertedImage> {
  const bitmap = await decode(bytes, type);
  try {
    const whole: Crop = { sx: 0, sy: 0, sw: bitmap.width, sh: bitmap.height };
    let step: FitStep | undefined = firstStep(bitmap.width, bitmap.height, plan);
    while (step) {
      const out = await encode(bitmap, whole, step.width, step.height, plan.type, step.quality);
      if (out.byteLength <= plan.maxBytes) return { bytes: out, type: plan.type, width: step.width, height: step.height };
      step = nextStep(step, out.byteLength, plan);
    }
    throw new ContentError('image', 'too large after conversion');
  } finally {
    bitmap.close();
  }
}
