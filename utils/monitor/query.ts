import type { MessageKey } from '../i18n';
import { hashtagParts, normaliseTerm } from './normalise';

// The watch query language. Precedence NOT > AND (explicit or by juxtaposition) > OR. Operators are
// recognised only in upper case, in English or Indonesian (ATAU = OR, DAN = AND, TANPA/BUKAN = NOT),
// so the words "dan", "atau", "and", "or", "not" written in lower case stay searchable.
// `=kata` / `="frasa"` ask for the exact form (no word family, no aliases); `"frasa"~N` lets up to N
// other words stand between the phrase's words (same sentence, same order).

export type FieldName = 'site' | 'lang' | 'source';

export type QueryNode =
  /**
   * Words (several = consecutive, i.e. a phrase). `prefix` applies to the single word; `exact` asks for
   * the written form only; `slop` is how many other words may stand between a phrase's words; `parts`
   * are a hashtag's words (#ReformasiBirokrasi → reformasi, birokrasi).
   */
  | { type: 'term'; text: string; tokens: string[]; quoted: boolean; prefix: boolean; position: number; exact?: true; slop?: number; parts?: string[] }
  | { type: 'field'; field: FieldName; value: string; position: number }
  | { type: 'and'; children: QueryNode[] }
  | { type: 'or'; children: QueryNode[] }
  | { type: 'not'; child: QueryNode };

export interface QueryError {
  position: number;
  messageKey: MessageKey;
  params: string[];
}

export type ParseResult = { ok: true; ast: QueryNode } | { ok: false; error: QueryError };

export const MAX_QUERY_LENGTH = 1000;
export const MIN_PREFIX_LENGTH = 3;
/** Most words a proximity phrase ("jalan rusak"~N) lets stand between its words. */
export const MAX_SLOP = 10;

const OPERATORS: Record<string, 'AND' | 'OR' | 'NOT'> = {
  AND: 'AND',
  OR: 'OR',
  NOT: 'NOT',
  DAN: 'AND',
  ATAU: 'OR',
  TANPA: 'NOT',
  BUKAN: 'NOT',
};

/**
 * Canonical language code: primary subtag, lower case, with the codes Indonesian goes by folded to
 * "id" ("in" was its ISO 639-1 code until 1989 and Java still emits it; "ind" is ISO 639-2/3).
 */
export function canonicalLanguage(lang: string): string {
  const primary = lang.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return primary === 'in' || primary === 'ind' ? 'id' : primary;
}

type Tok =
  | { k: 'lparen' | 'rparen'; pos: number }
  | { k: 'op'; op: 'AND' | 'OR' | 'NOT'; pos: number }
  | { k: 'minus'; pos: number }
  | { k: 'word'; text: string; pos: number; exact: boolean }
  | { k: 'phrase'; text: string; pos: number; exact: boolean; slop: number }
  | { k: 'field'; field: FieldName; value: string; pos: number };

class QuerySyntaxError {
  constructor(readonly error: QueryError) {}
}

function fail(position: number, messageKey: MessageKey, params: string[] = []): never {
  throw new QuerySyntaxError({ position, messageKey, params });
}

const isSpace = (c: string) => /\s/.test(c);
const FIELD_RE = /^(site|lang|source):/i;

function lex(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  const readQuoted = (open: number): string => {
    const close = src.indexOf('"', open + 1);
    if (close < 0) fail(open, 'queryUnclosedQuote');
    i = close + 1;
    return src.slice(open + 1, close);
  };
  while (i < src.length) {
    const c = src[i] ?? '';
    if (isSpace(c)) {
      i++;
      continue;
    }
    const pos = i;
    if (c === '(' || c === ')') {
      toks.push({ k: c === '(' ? 'lparen' : 'rparen', pos });
      i++;
      continue;
    }
    const exact = c === '=' && i + 1 < src.length && !isSpace(src[i + 1] ?? ' ');
    if (exact) i++;
    if (src[i] === '"') {
      const text = readQuoted(i);
      // "jalan rusak"~3: proximity, read right after the closing quote.
      const slop = /^~(\d{1,2})/.exec(src.slice(i));
      if (slop) {
        const n = Number(slop[1]);
        if (n > MAX_SLOP) fail(i, 'queryInvalid');
        i += slop[0].length;
      }
      toks.push({ k: 'phrase', text, pos, exact, slop: slop ? Number(slop[1]) : 0 });
      continue;
    }
    if (c === '-') {
      const next = src[i + 1];
      if (next === undefined || isSpace(next) || next === ')') fail(pos, 'queryDanglingOperator', ['-']);
      toks.push({ k: 'minus', pos });
      i++;
      continue;
    }
    let j = i;
    while (j < src.length && !isSpace(src[j] ?? ' ') && !'()"'.includes(src[j] ?? '')) j++;
    const word = src.slice(i, j);
    i = j;
    const op = exact ? undefined : OPERATORS[word];
    if (op) {
      toks.push({ k: 'op', op, pos });
      continue;
    }
    const fm = exact ? null : FIELD_RE.exec(word);
    if (fm) {
      const field = (fm[1] ?? '').toLowerCase() as FieldName;
      let value = word.slice(fm[0].length);
      if (!value && src[i] === '"') value = readQuoted(i);
      toks.push({ k: 'field', field, value, pos });
      continue;
    }
    toks.push({ k: 'word', text: word, pos, exact });
  }
  return toks;
}

function fieldNode(t: Extract<Tok, { k: 'field' }>): QueryNode {
  const raw = t.value.trim();
  if (!raw) fail(t.pos, 'queryFieldMissingValue', [t.field]);
  let value = raw.toLowerCase();
  if (t.field === 'site') {
    // Officers paste whole addresses; keep only the host, without "www." (every host suffix matches anyway).
    value = value
      .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
      .replace(/[/?#].*$/, '')
      .replace(/:\d+$/, '')
      .replace(/^\*?\./, '')
      .replace(/^www\./, '')
      .replace(/\.$/, '');
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(value)) fail(t.pos, 'queryInvalidSite', [raw]);
  } else if (t.field === 'lang') {
    if (!/^[a-z]{2,3}(?:[-_][a-z0-9]{1,8})*$/.test(value)) fail(t.pos, 'queryInvalidLanguage', [raw]);
    value = canonicalLanguage(value);
  }
  return { type: 'field', field: t.field, value, position: t.pos };
}

/** Optional term fields, present only when used (so plain terms compare equal to older ASTs). */
function extras(exact: boolean, slop: number, parts: string[] | undefined): { exact?: true; slop?: number; parts?: string[] } {
  return { ...(exact ? { exact: true as const } : {}), ...(slop > 0 ? { slop } : {}), ...(parts ? { parts } : {}) };
}

function termNode(t: Extract<Tok, { k: 'word' | 'phrase' }>): QueryNode {
  if (t.k === 'phrase') {
    const tokens = normaliseTerm(t.text);
    if (!t.text.trim()) fail(t.pos, 'queryEmptyPhrase');
    if (!tokens.length) fail(t.pos, 'queryNoWords', [t.text]);
    return { type: 'term', text: tokens.join(' '), tokens, quoted: true, prefix: false, position: t.pos, ...extras(t.exact, t.slop, undefined) };
  }
  const star = t.text.indexOf('*');
  const prefix = star >= 0;
  if (prefix && star !== t.text.length - 1) fail(t.pos + star, 'queryMisplacedStar');
  const body = prefix ? t.text.slice(0, -1) : t.text;
  const tokens = normaliseTerm(body);
  if (prefix) {
    if (!tokens.length) fail(t.pos, 'queryMisplacedStar');
    if (tokens.length > 1) fail(t.pos + star, 'queryMisplacedStar');
    if ((tokens[0] ?? '').length < MIN_PREFIX_LENGTH) fail(t.pos, 'queryPrefixTooShort', [String(MIN_PREFIX_LENGTH)]);
  }
  if (!tokens.length) fail(t.pos, 'queryNoWords', [t.text]);
  const text = tokens.join(' ') + (prefix ? '*' : '');
  const parts = body.startsWith('#') && tokens.length === 1 ? hashtagParts(body.slice(1)) : undefined;
  return { type: 'term', text, tokens, quoted: false, prefix, position: t.pos, ...extras(t.exact, 0, parts && parts.length > 1 ? parts : undefined) };
}

class Parser {
  private i = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly end: number,
  ) {}

  private peek(): Tok | undefined {
    return this.toks[this.i];
  }

  parse(): QueryNode {
    const node = this.parseOr();
    const t = this.peek();
    if (t) {
      if (t.k === 'rparen') fail(t.pos, 'queryUnexpectedParen');
      fail(t.pos, 'queryDanglingOperator', [t.k === 'op' ? t.op : '-']);
    }
    return node;
  }

  private startsOperand(t: Tok | undefined): boolean {
    return !!t && (t.k === 'lparen' || t.k === 'word' || t.k === 'phrase' || t.k === 'field' || t.k === 'minus' || (t.k === 'op' && t.op === 'NOT'));
  }

  private parseOr(): QueryNode {
    const children = [this.parseAnd()];
    for (let t = this.peek(); t?.k === 'op' && t.op === 'OR'; t = this.peek()) {
      this.i++;
      if (!this.startsOperand(this.peek())) fail(t.pos, 'queryDanglingOperator', ['OR']);
      children.push(this.parseAnd());
    }
    return children.length === 1 ? (children[0] as QueryNode) : { type: 'or', children };
  }

  private parseAnd(): QueryNode {
    const children = [this.parseUnary()];
    for (;;) {
      const t = this.peek();
      if (t?.k === 'op' && t.op === 'AND') {
        this.i++;
        if (!this.startsOperand(this.peek())) fail(t.pos, 'queryDanglingOperator', ['AND']);
      } else if (!this.startsOperand(t)) {
        break;
      }
      children.push(this.parseUnary());
    }
    return children.length === 1 ? (children[0] as QueryNode) : { type: 'and', children };
  }

  private parseUnary(): QueryNode {
    const t = this.peek();
    if (!t) fail(this.end, 'queryEmpty');
    if (t.k === 'minus' || (t.k === 'op' && t.op === 'NOT')) {
      this.i++;
      if (!this.startsOperand(this.peek())) fail(t.pos, 'queryDanglingOperator', [t.k === 'minus' ? '-' : 'NOT']);
      return { type: 'not', child: this.parseUnary() };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): QueryNode {
    const t = this.peek();
    if (!t) fail(this.end, 'queryEmpty');
    this.i++;
    switch (t.k) {
      case 'lparen': {
        const next = this.peek();
        if (!next) fail(t.pos, 'queryUnclosedParen');
        if (next.k === 'rparen') fail(t.pos, 'queryEmptyGroup');
        if (next.k === 'op' && next.op !== 'NOT') fail(next.pos, 'queryDanglingOperator', [next.op]);
        const inner = this.parseOr();
        const close = this.peek();
        if (close?.k !== 'rparen') fail(t.pos, 'queryUnclosedParen');
        this.i++;
        return inner;
      }
      case 'rparen':
        return fail(t.pos, 'queryUnexpectedParen');
      case 'op':
        return fail(t.pos, 'queryDanglingOperator', [t.op]);
      case 'minus':
        return fail(t.pos, 'queryDanglingOperator', ['-']);
      case 'field':
        return fieldNode(t);
      default:
        return termNode(t);
    }
  }
}

/** True when the query holds with no term, site, language or source present at all. */
function matchesNothingPresent(node: QueryNode): boolean {
  switch (node.type) {
    case 'term':
    case 'field':
      return false;
    case 'and':
      return node.children.every(matchesNothingPresent);
    case 'or':
      return node.children.some(matchesNothingPresent);
    case 'not':
      return !matchesNothingPresent(node.child);
  }
}

/** Parses a watch query. Never throws: syntax problems come back as an i18n key and a 0-based position. */
export function parseQuery(src: string): ParseResult {
  try {
    if (typeof src !== 'string' || !src.trim()) return { ok: false, error: { position: 0, messageKey: 'queryEmpty', params: [] } };
    if (src.length > MAX_QUERY_LENGTH) fail(MAX_QUERY_LENGTH, 'queryTooLong', [String(MAX_QUERY_LENGTH)]);
    const ast = new Parser(lex(src), src.length).parse();
    // A watch that matches every item lacking a word would flood the officer's mentions.
    if (matchesNothingPresent(ast)) fail(0, 'queryOnlyExclusions');
    return { ok: true, ast };
  } catch (e) {
    if (e instanceof QuerySyntaxError) return { ok: false, error: e.error };
    return { ok: false, error: { position: 0, messageKey: 'queryInvalid', params: [] } };
  }
}

/** Query text back from an AST (used for display and round-trip tests). */
export function formatQuery(node: QueryNode): string {
  switch (node.type) {
    case 'term': {
      const body = node.quoted || node.tokens.length > 1 ? `"${node.tokens.join(' ')}"${node.slop ? `~${node.slop}` : ''}` : node.text;
      return node.exact ? `=${body}` : body;
    }
    case 'field':
      return `${node.field}:${/[\s"()]/.test(node.value) ? `"${node.value}"` : node.value}`;
    case 'not':
      return `-${wrap(node.child)}`;
    case 'and':
      return node.children.map(wrap).join(' ');
    case 'or':
      return node.children.map(wrap).join(' OR ');
  }
}

function wrap(node: QueryNode): string {
  return node.type === 'and' || node.type === 'or' ? `(${formatQuery(node)})` : formatQuery(node);
}
