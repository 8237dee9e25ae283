import { findFediverseHandles, xEntities, type TextRange } from './entities';
import { graphemeBoundaries } from './graphemes';
import { isBlank, type Rule, type RuleOptions } from './rule';
import { findUrls } from './urls';

export interface SplitOptions extends RuleOptions {
  /** Append " 1/3" to each part (default true). The numbering is included when measuring. */
  numbered?: boolean;
}

/** Where a part may end (`at`) and where the next one then starts (`next`); the run between is whitespace. */
interface Break {
  at: number;
  next: number;
  /** 3 paragraph or end of text, 2 line or sentence end, 1 any other space. */
  priority: number;
}

interface Layout {
  text: string;
  firstStart: number;
  breaks: Break[];
  boundaries: number[];
  protectedRanges: TextRange[];
  /** countedGraphemes[i]: graphemes starting before offset i that are not part of a URL or handle. */
  countedGraphemes: Int32Array;
}

type Fits = (start: number, end: number) => boolean;

// NBSP and its narrow/figure variants mean "keep together", so they are not break points.
const BREAKABLE_SPACE = /[\t\n\v\f\r \u1680\u2000-\u2006\u2008-\u200A\u2028\u2029\u205F\u3000]+/g;
const SENTENCE_END = /[.!?…。！？][”’"'»)\]]*$/u;
// A break is only preferred over the farthest one if the part keeps at least this share of it,
// so sentence-aware splitting never produces a near-empty part.
const MIN_SHARE_FOR_PREFERRED_BREAK = 0.5;

/**
 * Splits text into thread parts that each pass `rule.measure`. Breaks at paragraphs, then sentence
 * ends, then spaces; a single word too long for a part is cut at grapheme boundaries, never inside a
 * link (nor inside a hashtag, mention or handle that would fit a part on its own) as `rule.entities`
 * finds them for that network. A text that already fits, or a rule that is not splittable, returns `[text]`.
 *
 * A URL that does not fit in a part even alone (only possible on Bluesky, where URLs count in full)
 * is kept whole in its own part, which then fails the measure: a cut link would be posted broken,
 * whereas a failing part makes the composer ask the officer to shorten it.
 */
export function splitForNetwork(text: string, rule: Rule, opts: SplitOptions = {}): string[] {
  if (!rule.splittable || isBlank(text)) return [text];
  const limit = rule.measure('', opts).limit;
  const layout = analyse(text, rule);
  // Every rule counts each grapheme outside links and handles at least once, so a slice with more of
  // them than the limit cannot fit. Checking that first spares the exact measure (twitter-text is
  // slow on long text) for the far-too-long slices that searching for the farthest break produces.
  if (countedBetween(layout, 0, text.length) <= limit && rule.measure(text, opts).ok) return [text];
  const fitsWith =
    (suffix: string): Fits =>
    (start, end) =>
      countedBetween(layout, start, end) <= limit && rule.measure(text.slice(start, end) + suffix, opts).ok;
  if (opts.numbered === false) {
    const parts = chunk(layout, fitsWith(''));
    return parts.length > 1 ? parts : [text];
  }
  // Reserve room for the widest numbering of the assumed digit count; retry if the thread grows past it.
  for (let digits = 1; ; digits++) {
    const widest = '9'.repeat(digits);
    const parts = chunk(layout, fitsWith(` ${widest}/${widest}`));
    if (parts.length === 1) return [text];
    if (parts.length < 10 ** digits) return parts.map((part, index) => `${part} ${index + 1}/${parts.length}`);
  }
}

function analyse(text: string, rule: Rule): Layout {
  const boundaries = graphemeBoundaries(text);
  const breaks: Break[] = [];
  let firstStart = 0;
  for (const run of text.matchAll(BREAKABLE_SPACE)) {
    const runStart = run.index;
    const runEnd = runStart + run[0].length;
    // A space followed by a combining mark is one grapheme with it, so snap the run to grapheme edges.
    const at = boundaries[firstIndexAtOrAfter(boundaries, runStart)] ?? text.length;
    const next = boundaries[firstIndexAtOrAfter(boundaries, runEnd + 1) - 1] ?? text.length;
    if (at > next) continue;
    if (at === 0) {
      firstStart = next;
      continue;
    }
    breaks.push({ at, next, priority: breakPriority(run[0], text.slice(0, at)) });
  }
  const last = breaks[breaks.length - 1];
  if (last && last.next === text.length) last.priority = 3;
  else breaks.push({ at: text.length, next: text.length, priority: 3 });
  return {
    text,
    firstStart,
    breaks,
    boundaries,
    protectedRanges: [...(rule.entities?.(text) ?? []), ...lookalikes(text)],
    countedGraphemes: countGraphemesOutsideLinks(text, boundaries),
  };
}

// What reads as a link, tag or mention (twitter-text finds it) but this network leaves plain, such as a
// bare domain on Mastodon or "@budi" on Bluesky, is also kept whole when it fits a part: a reader
// would have to retype it. Ranges may overlap; each one blocks cuts inside itself.
function lookalikes(text: string): TextRange[] {
  return xEntities(text).map(({ start, end }) => ({ start, end, kind: 'lookalike' }));
}

function countGraphemesOutsideLinks(text: string, boundaries: number[]): Int32Array {
  const discounted = new Uint8Array(text.length);
  for (const range of [...findUrls(text), ...findFediverseHandles(text)]) discounted.fill(1, range.start, range.end);
  const counted = new Int32Array(text.length + 1);
  let graphemeIndex = 0;
  for (let offset = 0; offset < text.length; offset++) {
    const startsGrapheme = boundaries[graphemeIndex] === offset;
    if (startsGrapheme) graphemeIndex++;
    counted[offset + 1] = (counted[offset] ?? 0) + (startsGrapheme && !discounted[offset] ? 1 : 0);
  }
  return counted;
}

function countedBetween(layout: Layout, start: number, end: number): number {
  return (layout.countedGraphemes[end] ?? 0) - (layout.countedGraphemes[start] ?? 0);
}

function breakPriority(space: string, before: string): number {
  if (/\n[^\S\n]*\n/.test(space)) return 3;
  if (space.includes('\n') || SENTENCE_END.test(before)) return 2;
  return 1;
}

function chunk(layout: Layout, fits: Fits): string[] {
  const { text, breaks } = layout;
  const parts: string[] = [];
  let start = layout.firstStart;
  let breakIndex = 0;
  while (start < text.length) {
    while (breakIndex < breaks.length && (breaks[breakIndex]?.at ?? 0) <= start) breakIndex++;
    const first = breakIndex;
    const farthest = farthestFitting(breaks.length - first, (index) => fits(start, breaks[first + index]?.at ?? text.length));
    if (farthest < 0) {
      const cut = hardCut(layout, start, breaks[first]?.at ?? text.length, fits);
      parts.push(text.slice(start, cut));
      start = cut;
      continue;
    }
    const chosen = breaks[breakIndex + preferredBreak(breaks.slice(breakIndex, breakIndex + farthest + 1), start)];
    if (!chosen) break;
    parts.push(text.slice(start, chosen.at));
    start = chosen.next;
  }
  return parts;
}

/** The last paragraph (else sentence) break that keeps enough of the part, else the farthest one. */
function preferredBreak(fitting: Break[], start: number): number {
  const farthestIndex = fitting.length - 1;
  const farthestLength = (fitting[farthestIndex]?.at ?? start) - start;
  for (const priority of [3, 2]) {
    for (let index = farthestIndex; index >= 0; index--) {
      const candidate = fitting[index];
      if (!candidate || candidate.at - start < farthestLength * MIN_SHARE_FOR_PREFERRED_BREAK) break;
      if (candidate.priority >= priority) return index;
    }
  }
  return farthestIndex;
}

/** Cuts inside one over-long word: the farthest grapheme boundary that fits and is outside protected ranges. */
function hardCut(layout: Layout, start: number, wordEnd: number, fits: Fits): number {
  const { boundaries, protectedRanges } = layout;
  const inWord = boundaries.slice(firstIndexAtOrAfter(boundaries, start + 1), firstIndexAtOrAfter(boundaries, wordEnd + 1));
  const inWordRanges = protectedRanges.filter((range) => range.end > start && range.start < wordEnd);
  const urlRanges = inWordRanges.filter((range) => range.kind === 'url');
  const rangesThatFit = inWordRanges.filter((range) => range.kind === 'url' || fits(range.start, range.end));
  for (const protectedSet of [rangesThatFit, urlRanges]) {
    const cuts = inWord.filter((boundary) => !protectedSet.some((range) => boundary > range.start && boundary < range.end));
    const index = farthestFitting(cuts.length, (cutIndex) => fits(start, cuts[cutIndex] ?? wordEnd));
    const cut = cuts[index];
    if (cut !== undefined) return cut;
    if (protectedSet.length === 0) break;
  }
  // Nothing fits, not even one grapheme or one whole URL: emit the smallest unit so the split ends.
  const urlCuts = inWord.filter((boundary) => !urlRanges.some((range) => boundary > range.start && boundary < range.end));
  return urlCuts[0] ?? wordEnd;
}

/**
 * Index (below `count`) of the last candidate that fits, or -1; candidates are ordered by growing
 * length. Gallops forward then bisects, so the cost follows the part's size, not the remaining text.
 */
function farthestFitting(count: number, fitsAt: (index: number) => boolean): number {
  if (count === 0 || !fitsAt(0)) return -1;
  let good = 0;
  let bad = count;
  for (let step = 1; good + step < count; step *= 2) {
    if (!fitsAt(good + step)) {
      bad = good + step;
      break;
    }
    good += step;
  }
  while (bad - good > 1) {
    const middle = (good + bad) >> 1;
    if (fitsAt(middle)) good = middle;
    else bad = middle;
  }
  return good;
}

/** Index of the first sorted value >= target (values.length when none). */
function firstIndexAtOrAfter(values: number[], target: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((values[middle] ?? Infinity) < target) low = middle + 1;
    else high = middle;
  }
  return low;
}
