import { describe, expect, it } from 'vitest';
import { sameDeps } from '../../../utils/sidepanel/deps';

describe('side panel helpers', () => {
  const plan = {};
  it.each([
    [undefined, [1], false],
    [[], [], true],
    [[1, 'a', plan], [1, 'a', plan], true],
    [[1, 'a', plan], [1, 'a', {}], false],
    [[1], [1, 2], false],
    [[Number.NaN], [Number.NaN], true],
    [[0], [-0], false],
  ])('sameDeps(%j, %j) is %s', (a, b, want) => {
    expect(sameDeps(a, b)).toBe(want);
  });
});
