import { lengthMeasure, type Rule } from '../../text/rule';

export const FACEBOOK_LIMIT = 63206;

// UTF-16 code units, Facebook's documented 63,206-character post limit (emoji may count 2: safe side).
export const facebookRule: Rule = {
  splittable: false,
  measure: (text, opts) => lengthMeasure(text, text.length, opts?.limit ?? FACEBOOK_LIMIT),
};
