import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { probeImage } from '../../../utils/media/jpeg';
import {
  CONVERT_MAX_SIDE,
  firstStep,
  fits,
  MAX_DECODE_PIXELS,
  MIN_SIDE,
  nextStep,
  planImage,
  type ImageLimits,
  type ImagePlan,
} from '../../../utils/media/plan';
import { IMAGE_LIMITS, MASTODON_DEFAULT_IMAGE } from '../../../utils/networks/image-limits';
import { makeJpeg, makeNoisePng } from '../../fakes/test-images';

// The limits are the networks' documented values (utils/networks/image-limits.ts cites each page);
// the files are real ones: jpeg-js/pngjs output and the Debian-made fixtures in tests/fixtures/images.
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/images/${name}`, import.meta.url)));
const probe = (bytes: Uint8Array) => probeImage(bytes)!;

describe('planImage: what each network gets for each page image', () => {
  const jpeg = probe(makeJpeg(1200, 630));
  const bigPng = probe(makeNoisePng(800, 600));
  const webp = probe(fixture('page.webp'));
  const avif = probe(fixture('page.avif'));
  const heic = probe(fixture('page.heic'));
  const svg = probe(fixture('page.svg'));

  it.each<[string, keyof typeof IMAGE_LIMITS, ReturnType<typeof probe>, ImagePlan['kind'], string?]>([
    ['a JPEG goes to X as it is', 'x', jpeg, 'keep', 'image/jpeg'],
    ['a WebP goes to X as it is (X takes WEBP)', 'x', webp, 'keep', 'image/webp'],
    ['an AVIF is converted for X', 'x', avif, 'convert', 'image/jpeg'],
    ['a 1.4 MB PNG goes to X as it is (under 5 MB)', 'x', bigPng, 'keep', 'image/png'],
    ['a 1.4 MB PNG is converted for the Bluesky thumb (1,000,000 bytes)', 'bluesky', bigPng, 'convert', 'image/jpeg'],
    ['a small WebP is a Bluesky thumb as it is (accept image/*)', 'bluesky', webp, 'keep', 'image/webp'],
    ['a WebP is converted for LinkedIn (JPG, GIF, PNG)', 'linkedin', webp, 'convert', 'image/jpeg'],
    ['an AVIF is converted for LinkedIn', 'linkedin', avif, 'convert', 'image/jpeg'],
    ['a PNG goes to LinkedIn as it is', 'linkedin', bigPng, 'keep', 'image/png'],
    ['a WebP is converted for Threads (JPEG, PNG)', 'threads', webp, 'convert', 'image/jpeg'],
    ['an SVG cannot be decoded in the worker', 'x', svg, 'unusable'],
    ['a HEIC cannot be decoded in Chromium', 'linkedin', heic, 'unusable'],
  ])('%s', (_name, network, file, kind, type) => {
    expect(planImage(file, IMAGE_LIMITS[network])).toMatchObject(type ? { kind, type } : { kind });
  });

  // Decompression bombs (review of issue 12): a 48,685-byte 1-bit PNG declaring 20000 × 20000 decodes to
  // 1.49 GiB. Refused from the header, before anything is decoded.
  it.each<[string, { type: string; width: number; height: number; bytes: number }, keyof typeof IMAGE_LIMITS]>([
    ['a 20000 × 20000 PNG of 48 KB for LinkedIn', { type: 'png', width: 20_000, height: 20_000, bytes: 48_685 }, 'linkedin'],
    ['a 20000 × 20000 PNG over a megabyte for Bluesky', { type: 'png', width: 20_000, height: 20_000, bytes: 1_048_697 }, 'bluesky'],
    ['a 17000 × 100 AVIF strip (a side over 16,384 px)', { type: 'avif', width: 17_000, height: 100, bytes: 40_000 }, 'x'],
  ])('%s is too large to decode', (_name, file, network) => {
    expect(planImage(file, IMAGE_LIMITS[network])).toEqual({ kind: 'unusable', reason: 'too-large' });
  });

  it("the decode bound is Siar's: 50 megapixels still convert", () => {
    expect(MAX_DECODE_PIXELS).toBe(50_000_000);
    expect(planImage({ type: 'avif', width: 8000, height: 6000, bytes: 900_000 }, IMAGE_LIMITS.x).kind).toBe('convert');
  });

  it('a GIF that does not fit is left out, not converted (its header tells the screen, not the frame size)', () => {
    expect(planImage({ type: 'gif', width: 1, height: 1, bytes: 2_000_000 }, IMAGE_LIMITS.bluesky)).toEqual({ kind: 'unusable', reason: 'undecodable' });
    expect(planImage({ type: 'gif', width: 400, height: 300, bytes: 200_000 }, IMAGE_LIMITS.x)).toEqual({ kind: 'keep', type: 'image/gif' });
  });

  it('an instance limit that leaves no usable picture (image_matrix_limit: 1) is not met with a 1 × 1 image', () => {
    expect(planImage(jpeg, { ...MASTODON_DEFAULT_IMAGE, maxPixels: 1 })).toEqual({ kind: 'unusable', reason: 'too-large' });
  });

  it('a converted copy is at most 4096 px on its longer side when the network names no width', () => {
    const plan = planImage({ type: 'avif', width: 8000, height: 6000, bytes: 900_000 }, IMAGE_LIMITS.x);
    if (plan.kind !== 'convert') throw new Error(plan.kind);
    const step = firstStep(8000, 6000, plan);
    expect(Math.max(step.width, step.height)).toBeLessThanOrEqual(CONVERT_MAX_SIDE);
    expect(CONVERT_MAX_SIDE).toBe(4096);
  });

  it('an SVG is unusable because it cannot be decoded, not because it is unknown', () => {
    expect(planImage(svg, IMAGE_LIMITS.linkedin)).toEqual({ kind: 'unusable', reason: 'undecodable' });
  });

  it('bytes that are no image are unusable as unknown', () => {
    expect(planImage(probeImage(new TextEncoder().encode('<html></html>')), IMAGE_LIMITS.x)).toEqual({ kind: 'unusable', reason: 'unknown' });
  });

  it('an SVG a network takes as it is (Mastodon instances do not; this one pretends) is kept: the header decides', () => {
    expect(planImage(svg, { ...MASTODON_DEFAULT_IMAGE, types: ['image/svg+xml'] })).toEqual({ kind: 'keep', type: 'image/svg+xml' });
  });

  it.each([
    ['within the instance pixel limit', 1200 * 630, 'keep'],
    ['over the instance pixel limit (image_matrix_limit)', 1200 * 630 - 1, 'convert'],
  ])('a Mastodon JPEG %s', (_name, maxPixels, kind) => {
    expect(planImage(jpeg, { ...MASTODON_DEFAULT_IMAGE, maxPixels }).kind).toBe(kind);
  });

  it('Threads copies are made no wider than 1440 px', () => {
    const wide = { type: 'webp', width: 4000, height: 1000, bytes: 300_000 };
    const plan = planImage(wide, IMAGE_LIMITS.threads);
    expect(plan.kind === 'convert' && firstStep(4000, 1000, plan)).toMatchObject({ width: 1440, height: 360 });
  });

  it('a PNG-only network gets PNG steps without a JPEG quality', () => {
    const limits: ImageLimits = { types: ['image/png'], maxBytes: 1000, convertTo: 'image/png' };
    const plan = planImage(webp, limits);
    expect(plan).toMatchObject({ kind: 'convert', type: 'image/png' });
    expect(plan.kind === 'convert' && firstStep(webp.width, webp.height, plan).quality).toBeUndefined();
  });
});

describe('conversion steps', () => {
  const jpegPlan = { kind: 'convert', type: 'image/jpeg', maxBytes: 1_000_000, maxPixels: 4_000_000 } as const;

  it('lowers the JPEG quality before the size', () => {
    const first = firstStep(2000, 1000, jpegPlan);
    expect(first).toEqual({ width: 2000, height: 1000, quality: 0.9 });
    expect(nextStep(first, 1_500_000, jpegPlan)).toEqual({ width: 2000, height: 1000, quality: 0.75 });
    expect(nextStep({ ...first, quality: 0.6 }, 4_000_000, jpegPlan)).toEqual({ width: 900, height: 450, quality: 0.9 });
  });

  it('gives up rather than making a picture smaller than MIN_SIDE', () => {
    expect(nextStep({ width: 70, height: 40, quality: 0.6 }, 10_000_000, jpegPlan)).toBeUndefined();
  });

  const limitsArb = fc.record({
    maxBytes: fc.integer({ min: 1000, max: 20_000_000 }),
    maxPixels: fc.option(fc.integer({ min: 1, max: 50_000_000 }), { nil: undefined }),
    maxWidth: fc.option(fc.integer({ min: 1, max: 5000 }), { nil: undefined }),
    convertTo: fc.constantFrom('image/jpeg' as const, 'image/png' as const),
    types: fc.subarray(['image/jpeg', 'image/png', 'image/gif', 'image/webp']),
  });
  const probeArb = fc.record({
    type: fc.constantFrom('jpg', 'png', 'gif', 'webp', 'avif', 'bmp', 'svg', 'heic'),
    width: fc.integer({ min: 1, max: 12_000 }),
    height: fc.integer({ min: 1, max: 12_000 }),
    bytes: fc.integer({ min: 1, max: 40_000_000 }),
  });

  /** True when `plan` keeps only a fitting file, or converts within the limits at every step it would try. */
  function withinLimits(file: ReturnType<typeof probe>, limits: ImageLimits, outputs: number[]): boolean {
    const plan = planImage(file, limits);
    if (plan.kind === 'keep') return fits(file, limits);
    if (plan.kind === 'unusable') return !fits(file, limits);
    if (plan.type !== limits.convertTo || plan.maxBytes > limits.maxBytes) return false;
    let step = firstStep(file.width, file.height, plan);
    for (const produced of outputs) {
      // Every size tried stays within the pixel and width limits and never grows the picture.
      if (step.width * step.height > Math.min(limits.maxPixels ?? Infinity, file.width * file.height)) return false;
      if (limits.maxWidth !== undefined && step.width > Math.max(limits.maxWidth, 1)) return false;
      if (step.width > file.width || step.height > file.height) return false;
      const next = nextStep(step, Math.max(produced, plan.maxBytes + 1), plan);
      if (!next) return true;
      // Each step makes progress: a lower quality at the same size, or a smaller size no smaller than MIN_SIDE.
      const smaller = next.width * next.height < step.width * step.height;
      if (smaller ? Math.max(next.width, next.height) < MIN_SIDE : (next.quality ?? 1) >= (step.quality ?? 1)) return false;
      step = next;
    }
    return true;
  }

  it('property: a plan never exceeds the limits it was given', () => {
    expect(() => fc.assert(fc.property(probeArb, limitsArb, fc.array(fc.integer({ min: 1, max: 50_000_000 }), { maxLength: 12 }), withinLimits))).not.toThrow();
  });
});
