import { lengthMeasure, type Rule } from '../../text/rule';

export const LINKEDIN_LIMIT = 3000;

// UTF-16 code units (JavaScript/Java string length): an emoji may count 2, which errs on the safe side.
export const linkedinRule: Rule = {
  splittable: false,
  measure: (text, opts) => lengthMeasure(text, text.length, opts?.limit ?? LINKEDIN_LIMIT),
};
