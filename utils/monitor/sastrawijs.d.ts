// sastrawijs 1.1.0 ships typings its package.json "exports" map does not point to; this is the part
// Siar uses, as in node_modules/sastrawijs/dist/stemmer.d.ts.
declare module 'sastrawijs' {
  export class Stemmer {
    /** Root words as keys (values unused). */
    internalDictionary: Record<string, string>;
    constructor(dictionary?: string[]);
    /** The root of one lower-case word, or the word itself when no known root is found. */
    stem(word: string): string;
  }
}
