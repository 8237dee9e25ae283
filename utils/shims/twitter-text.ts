// Browser builds import twitter-text through this file (alias in wxt.config.ts): the package's ESM
// index is one default object, so bundlers keep all of it (autolink, highlight…). Re-exporting only the
// modules Siar uses keeps the popup small; the functions are the library's own, unchanged.
// @ts-expect-error -- the package ships no types for its per-function ESM files
import configs from 'twitter-text/dist/esm/configs';
// @ts-expect-error -- as above
import extractCashtagsWithIndices from 'twitter-text/dist/esm/extractCashtagsWithIndices';
// @ts-expect-error -- as above
import extractHashtagsWithIndices from 'twitter-text/dist/esm/extractHashtagsWithIndices';
// @ts-expect-error -- as above
import extractMentionsWithIndices from 'twitter-text/dist/esm/extractMentionsWithIndices';
// @ts-expect-error -- as above
import extractUrlsWithIndices from 'twitter-text/dist/esm/extractUrlsWithIndices';
// @ts-expect-error -- as above
import parseTweet from 'twitter-text/dist/esm/parseTweet';
// @ts-expect-error -- as above
import validCCTLD from 'twitter-text/dist/esm/regexp/validCCTLD';
// @ts-expect-error -- as above
import validGTLD from 'twitter-text/dist/esm/regexp/validGTLD';

export default {
  configs,
  regexen: { validGTLD, validCCTLD },
  parseTweet,
  extractUrlsWithIndices,
  extractHashtagsWithIndices,
  extractMentionsWithIndices,
  extractCashtagsWithIndices,
};
