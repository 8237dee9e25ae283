import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cropInto, probeImage, ratioFits, scaledSize } from '../../../utils/media/jpeg';
import { INSTAGRAM_IMAGE } from '../../../utils/networks/instagram-image';
import { makeJpeg, makePng } from '../../fakes/test-images';

// Instagram feed images must be 4:5 to 1.91:1 (developers.facebook.com/docs/instagram-platform/
// instagram-graph-api/reference/ig-user/media, image specifications).
const range = INSTAGRAM_IMAGE.range;

describe('image probe', () => {
  it.each([
    ['JPEG', makeJpeg(64, 48), { type: 'jpg', width: 64, height: 48 }],
    ['PNG', makePng(90, 30), { type: 'png', width: 90, height: 30 }],
  ])('reads the real format and size of a %s from its header', (_name, bytes, expected) => {
    expect(probeImage(bytes)).toMatchObject(expected);
  });
  it('is undefined for bytes that are no image', () => {
    expect(probeImage(new TextEncoder().encode('<html>not an image</html>'))).toBeUndefined();
  });
});

describe('crop into Instagram ratios', () => {
  it.each([
    ['square stays whole', 1000, 1000, { sx: 0, sy: 0, sw: 1000, sh: 1000 }],
    ['4:5 stays whole', 800, 1000, { sx: 0, sy: 0, sw: 800, sh: 1000 }],
    ['1.91:1 stays whole', 1910, 1000, { sx: 0, sy: 0, sw: 1910, sh: 1000 }],
    ['3:1 banner loses its sides', 900, 300, { sx: 163, sy: 0, sw: 573, sh: 300 }],
    ['9:16 portrait loses top and bottom', 900, 1600, { sx: 0, sy: 237, sw: 900, sh: 1125 }],
  ])('%s', (_name, width, height, crop) => {
    expect(cropInto(width, height, range)).toEqual(crop);
  });

  it('every crop fits the range and stays inside the picture', () => {
    fc.assert(
      fc.property(fc.integer({ min: 50, max: 6000 }), fc.integer({ min: 50, max: 6000 }), (width, height) => {
        const crop = cropInto(width, height, range);
        expect(ratioFits(crop.sw, crop.sh, range)).toBe(true);
        expect(crop.sx + crop.sw).toBeLessThanOrEqual(width);
        expect(crop.sy + crop.sh).toBeLessThanOrEqual(height);
        const size = scaledSize(crop, INSTAGRAM_IMAGE.maxWidth);
        expect(size.width).toBeLessThanOrEqual(INSTAGRAM_IMAGE.maxWidth);
        expect(ratioFits(size.width, size.height, range)).toBe(true);
      }),
    );
  });
});
