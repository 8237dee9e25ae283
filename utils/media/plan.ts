// What to do with a page image for one network, decided from its header alone (no decoding), so the
// decision is pure and testable in Node; the browser conversion (./fit.ts) then follows the plan.

/** A file's real format (image-size's name: `jpg`, `png`, `webp`…), pixel size and length in bytes. */
export interface ImageProbe {
  type: string;
  width: number;
  height: number;
  bytes: number;
}

/** One network's image rules (utils/networks/image-limits.ts holds each network's values and sources). */
export interface ImageLimits {
  /** MIME types the network takes as they are. */
  types: readonly string[];
  /** Largest file the network takes, in bytes (inclusive). */
  maxBytes: number;
  /** Largest width × height the network takes, when it documents one (inclusive). */
  maxPixels?: number;
  /** A converted copy is made no wider than this (the network scales wider images down anyway). */
  maxWidth?: number;
  /** The format a copy is converted to: JPEG for photos; PNG where a network needs it. */
  convertTo: 'image/jpeg' | 'image/png';
}

/** image-size's type names as MIME types. */
const MIME: Record<string, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  heif: 'image/heif',
  heic: 'image/heic',
  bmp: 'image/bmp',
  tiff: 'image/tiff',
  svg: 'image/svg+xml',
  ico: 'image/x-icon',
  cur: 'image/x-icon',
  jxl: 'image/jxl',
  j2c: 'image/jp2',
  jp2: 'image/jp2',
  psd: 'image/vnd.adobe.photoshop',
  tga: 'image/x-tga',
  pnm: 'image/x-portable-anymap',
  dds: 'image/vnd-ms.dds',
  icns: 'image/icns',
  ktx: 'image/ktx',
  exr: 'image/x-exr',
};

/** The MIME type of an image-size type name (`jpg` → `image/jpeg`); unknown names give `image/<name>`. */
export const mimeOf = (probeType: string): string => MIME[probeType] ?? `image/${probeType}`;

/**
 * Formats Chromium's extension service worker decodes with createImageBitmap, as measured in
 * tests/e2e/image-fit.e2e.ts ("decodes in the service worker", Debian Chromium, 2026-11-30): JPEG, PNG,
 * GIF, BMP, WebP and AVIF decode; SVG and HEIC fail with InvalidStateError (SVG has no decoder outside
 * a document, HEIC none in Chromium).
 */
export const DECODABLE: ReadonlySet<string> = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif', 'image/bmp']);

/**
 * Siar's own bounds on what it decodes (not a network's rule). Decoding makes width × height × 4 bytes
 * whatever the file's size: a 48 KB PNG can declare 20000 × 20000 and take 1.5 GiB, enough to kill the
 * service worker. 50 megapixels (200 MB decoded) still takes any camera photo an agency site serves;
 * 16,384 px is the longest canvas side Chromium allocates.
 */
export const MAX_DECODE_PIXELS = 50_000_000;
export const MAX_DECODE_SIDE = 16_384;
/** A converted copy is made no longer than this on its longer side when the network names no width. */
export const CONVERT_MAX_SIDE = 4096;

/** True when the probed size is beyond what Siar decodes (MAX_DECODE_PIXELS, MAX_DECODE_SIDE). */
export const tooLargeToDecode = (probe: Pick<ImageProbe, 'width' | 'height'>): boolean =>
  probe.width * probe.height > MAX_DECODE_PIXELS || Math.max(probe.width, probe.height) > MAX_DECODE_SIDE;

/**
 * Formats kept when they fit but never converted: a GIF's header gives its logical screen, while a frame
 * may be larger (so the decode bound cannot be checked from the header), and a converted animation would
 * lose its motion anyway.
 */
const NOT_CONVERTED: ReadonlySet<string> = new Set(['image/gif']);

export type ImagePlan =
  | { kind: 'keep'; type: string }
  | { kind: 'convert'; type: ImageLimits['convertTo']; maxBytes: number; maxPixels: number; maxWidth?: number }
  | { kind: 'unusable'; reason: 'unknown' | 'undecodable' | 'too-large' };

/** True when the probed file already meets every rule in `limits`. */
export function fits(probe: ImageProbe, limits: ImageLimits): boolean {
  return (
    limits.types.includes(mimeOf(probe.type)) &&
    probe.bytes <= limits.maxBytes &&
    (limits.maxPixels === undefined || probe.width * probe.height <= limits.maxPixels)
  );
}

/**
 * The plan for a page image under one network's `limits`: keep the file when it already fits; convert
 * (re-encode as `limits.convertTo`, no larger than the limits and never larger than the original in
 * pixels) when the browser can decode it; unusable when the bytes are no image (`unknown`, `probe`
 * undefined) or a format the service worker cannot decode (`undecodable`, e.g. SVG).
 */
export function planImage(probe: ImageProbe | undefined, limits: ImageLimits): ImagePlan {
  if (!probe) return { kind: 'unusable', reason: 'unknown' };
  if (fits(probe, limits)) return { kind: 'keep', type: mimeOf(probe.type) };
  const type = mimeOf(probe.type);
  if (!DECODABLE.has(type) || NOT_CONVERTED.has(type)) return { kind: 'unusable', reason: 'undecodable' };
  if (tooLargeToDecode(probe)) return { kind: 'unusable', reason: 'too-large' };
  const maxPixels = Math.min(probe.width * probe.height, limits.maxPixels ?? Infinity, CONVERT_MAX_SIDE * CONVERT_MAX_SIDE);
  // A limit that leaves no usable picture (an instance answering image_matrix_limit: 1) is no limit to meet.
  if (maxPixels < MIN_SIDE * MIN_SIDE) return { kind: 'unusable', reason: 'too-large' };
  return {
    kind: 'convert',
    type: limits.convertTo,
    maxBytes: limits.maxBytes,
    maxPixels,
    maxWidth: Math.min(limits.maxWidth ?? CONVERT_MAX_SIDE, CONVERT_MAX_SIDE),
  };
}

/** One encoding attempt: output size in whole pixels and JPEG quality (undefined for PNG). */
export interface FitStep {
  width: number;
  height: number;
  quality?: number;
}

type ConvertPlan = Extract<ImagePlan, { kind: 'convert' }>;

/** JPEG qualities tried at one size before the size itself goes down. */
const QUALITIES = [0.9, 0.75, 0.6] as const;
/** Below this on the longer side a picture is no use as a post image; the conversion gives up. */
export const MIN_SIDE = 64;

/** The largest size within the plan's pixel and width limits, proportions kept. */
export function firstStep(width: number, height: number, plan: ConvertPlan): FitStep {
  const scale = Math.min(1, (plan.maxWidth ?? Infinity) / width, Math.sqrt(plan.maxPixels / (width * height)));
  return shrink(width, height, scale, plan);
}

function shrink(width: number, height: number, scale: number, plan: ConvertPlan): FitStep {
  let w = Math.max(1, Math.floor(width * scale));
  let h = Math.max(1, Math.floor(height * scale));
  // Flooring keeps w × h within maxPixels except when a side is clamped to 1: take the other side down.
  if (w * h > plan.maxPixels) {
    if (w >= h) w = Math.max(1, Math.floor(plan.maxPixels / h));
    else h = Math.max(1, Math.floor(plan.maxPixels / w));
  }
  return { width: w, height: h, ...(plan.type === 'image/jpeg' ? { quality: QUALITIES[0] } : {}) };
}

/**
 * The next attempt after `step` produced `bytes`, too many for the plan: a lower JPEG quality first,
 * then a smaller size estimated from how far over the file was (file size grows about with the pixel
 * count). Undefined when the picture would get smaller than MIN_SIDE: the image cannot be made to fit.
 */
export function nextStep(step: FitStep, bytes: number, plan: ConvertPlan): FitStep | undefined {
  const qualityIndex = step.quality === undefined ? -1 : QUALITIES.indexOf(step.quality as (typeof QUALITIES)[number]);
  if (qualityIndex >= 0 && qualityIndex < QUALITIES.length - 1) return { ...step, quality: QUALITIES[qualityIndex + 1] };
  const scale = Math.min(0.8, Math.sqrt(plan.maxBytes / bytes) * 0.9);
  const next = shrink(step.width, step.height, scale, plan);
  if (Math.max(next.width, next.height) < MIN_SIDE) return undefined;
  return next;
}
