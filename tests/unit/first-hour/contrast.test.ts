import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Links must reach WCAG 2.2 AA contrast (4.5:1 for text, SC 1.4.3) in both colour schemes. Relative
// luminance and contrast ratio as WCAG defines them (https://www.w3.org/TR/WCAG22/#dfn-relative-luminance).

const css = readFileSync(resolve(import.meta.dirname, '../../../components/common/styles.css'), 'utf8');

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16) / 255).map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};
const variable = (block: string, name: string) => new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`, 'i').exec(block)?.[1];

describe('link contrast', () => {
  it('reference values: black on white is 21:1, #767676 on white just passes AA', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeGreaterThan(4.5);
  });

  it('links reach 4.5:1 on the page background in light and dark mode', () => {
    const light = css.slice(0, css.indexOf('@media (prefers-color-scheme: dark)'));
    const dark = css.slice(css.indexOf('@media (prefers-color-scheme: dark)'));
    expect(contrast(variable(light, 'link')!, variable(light, 'bg')!)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(variable(dark, 'link')!, variable(dark, 'bg')!)).toBeGreaterThanOrEqual(4.5);
  });
});
