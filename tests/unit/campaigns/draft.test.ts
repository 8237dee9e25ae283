import { describe, expect, it } from 'vitest';
import { kitText, missingMandatory } from '../../../utils/campaigns/draft';

describe('kit texts and mandatory elements', () => {
  const kit = { text: 'Mari rayakan HUT RI ke-81.', variants: { x: 'Rayakan HUT RI ke-81! #HUTRI81' }, hashtags: ['HUTRI81', 'IndonesiaMaju'] };

  it.each([
    [undefined, 'Mari rayakan HUT RI ke-81.\n\n#HUTRI81 #IndonesiaMaju'],
    ['x', 'Rayakan HUT RI ke-81! #HUTRI81\n\n#IndonesiaMaju'],
    ['mastodon', 'Mari rayakan HUT RI ke-81.\n\n#HUTRI81 #IndonesiaMaju'],
  ] as const)('for %s: the variant or the base text, with the hashtags it lacks', (network, expected) => {
    expect(kitText(kit, network)).toBe(expected);
  });

  it.each([
    ['Selamat #HUTRI81', ['#HUTRI81'], []],
    ['Selamat #hutri81!', ['#HUTRI81'], []],
    ['Selamat #HUTRI81Jatim', ['#HUTRI81'], ['#HUTRI81']],
    ['Bersama @kominfojatim', ['@kominfo'], ['@kominfo']],
    ['Bersama @kominfo.', ['@kominfo'], []],
    ['Indonesia Maju bersama', ['Indonesia Maju', '#HUTRI81'], ['#HUTRI81']],
    ['IndonesiaMajulah', ['Indonesia Maju'], ['Indonesia Maju']],
  ])('%j against %j lacks %j', (text, mandatory, missing) => {
    expect(missingMandatory(text, mandatory)).toEqual(missing);
  });
});
