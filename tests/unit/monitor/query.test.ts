import { describe, expect, it } from 'vitest';
import { formatQuery, MAX_QUERY_LENGTH, parseQuery, type QueryNode } from '../../../utils/monitor/query';
import en from '../../../public/_locales/en/messages.json';
import id from '../../../public/_locales/id/messages.json';

/** Compact s-expression of an AST, so expected trees fit in one table cell. */
function show(n: QueryNode): string {
  switch (n.type) {
    case 'term':
      return n.quoted ? `"${n.tokens.join(' ')}"` : n.tokens.length > 1 ? `[${n.tokens.join(' ')}]` : n.text;
    case 'field':
      return `${n.field}:${n.value}`;
    case 'not':
      return `(NOT ${show(n.child)})`;
    case 'and':
      return `(AND ${n.children.map(show).join(' ')})`;
    case 'or':
      return `(OR ${n.children.map(show).join(' ')})`;
  }
}

function parsed(src: string): string {
  const r = parseQuery(src);
  if (!r.ok) throw new Error(`${src}: ${r.error.messageKey} @${r.error.position}`);
  return show(r.ast);
}

describe('parseQuery: valid queries', () => {
  it.each([
    ['korupsi', 'korupsi'],
    ['  Korupsi  ', 'korupsi'],
    ['korupsi pungli', '(AND korupsi pungli)'],
    ['korupsi AND pungli', '(AND korupsi pungli)'],
    ['korupsi OR pungli', '(OR korupsi pungli)'],
    ['a OR b c', '(OR a (AND b c))'],
    ['a b OR c', '(OR (AND a b) c)'],
    ['a OR b AND c OR d', '(OR a (AND b c) d)'],
    ['(a OR b) c', '(AND (OR a b) c)'],
    ['NOT a b', '(AND (NOT a) b)'],
    ['b NOT a', '(AND b (NOT a))'],
    ['b -a', '(AND b (NOT a))'],
    ['b -(a OR c)', '(AND b (NOT (OR a c)))'],
    ['b -"media sosial"', '(AND b (NOT "media sosial"))'],
    ['b NOT NOT a', '(AND b (NOT (NOT a)))'],
    ['"dinas pendidikan"', '"dinas pendidikan"'],
    ['"Dinas  Pendidikan" banjir', '(AND "dinas pendidikan" banjir)'],
    ['jalan"rusak parah"', '(AND jalan "rusak parah")'],
    ['korup*', 'korup*'],
    ['KORUP*', 'korup*'],
    ['site:jatengprov.go.id', 'site:jatengprov.go.id'],
    ['site:https://WWW.Jatengprov.go.id/berita?x=1', 'site:jatengprov.go.id'],
    ['banjir site:*.go.id', '(AND banjir site:go.id)'],
    ['banjir lang:ID', '(AND banjir lang:id)'],
    ['banjir lang:id-ID', '(AND banjir lang:id)'],
    ['banjir source:rss', '(AND banjir source:rss)'],
    ['banjir source:"Google News"', '(AND banjir source:google news)'],
    ['banjir SITE:detik.com', '(AND banjir site:detik.com)'],
    ['kata2', 'kata-kata'],
    ['e-KTP', 'e-ktp'],
    ['#MediaSosial', 'mediasosial'],
    ['pemprov.jateng', '[pemprov jateng]'],
    ['café', 'cafe'],
    ['𝐁𝐞𝐫𝐢𝐭𝐚', 'berita'],
    ['and or not', '(AND and or not)'],
    ['((a))', 'a'],
    ['a (b OR (c -d))', '(AND a (OR b (AND c (NOT d))))'],
    ['lang:id', 'lang:id'],
    ['NOT (NOT a)', '(NOT (NOT a))'],
    ['Pemkot-Semarang', 'pemkot-semarang'],
  ])('%s → %s', (src, expected) => {
    expect(parsed(src)).toBe(expected);
  });

  it('records where each term starts and whether it was quoted or a prefix', () => {
    const r = parseQuery('ab "c d" efg*');
    expect(r.ok && r.ast).toMatchObject({
      type: 'and',
      children: [
        { type: 'term', tokens: ['ab'], position: 0, quoted: false, prefix: false },
        { type: 'term', tokens: ['c', 'd'], position: 3, quoted: true },
        { type: 'term', tokens: ['efg'], position: 9, prefix: true },
      ],
    });
  });

  it.each(['a (b OR c) -"d e" korup* site:x.go.id', 'a OR b c', '(a OR b) (c OR d) -e'])('formatQuery round-trips %s', (src) => {
    const first = parseQuery(src);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const again = parseQuery(formatQuery(first.ast));
    expect(again.ok && show(again.ast)).toBe(show(first.ast));
  });
});

describe('parseQuery: errors', () => {
  it.each([
    ['', 0, 'queryEmpty', []],
    ['   ', 0, 'queryEmpty', []],
    ['"korupsi', 0, 'queryUnclosedQuote', []],
    ['banjir "jalan rusak', 7, 'queryUnclosedQuote', []],
    ['a ""', 2, 'queryEmptyPhrase', []],
    ['a "  "', 2, 'queryEmptyPhrase', []],
    ['(a OR b', 0, 'queryUnclosedParen', []],
    ['x (a (b)', 2, 'queryUnclosedParen', []],
    ['a)', 1, 'queryUnexpectedParen', []],
    ['a OR b) c', 6, 'queryUnexpectedParen', []],
    [')', 0, 'queryUnexpectedParen', []],
    ['a ()', 2, 'queryEmptyGroup', []],
    ['korupsi AND', 8, 'queryDanglingOperator', ['AND']],
    ['korupsi OR', 8, 'queryDanglingOperator', ['OR']],
    ['OR korupsi', 0, 'queryDanglingOperator', ['OR']],
    ['AND korupsi', 0, 'queryDanglingOperator', ['AND']],
    ['korupsi AND OR pungli', 8, 'queryDanglingOperator', ['AND']],
    ['korupsi NOT', 8, 'queryDanglingOperator', ['NOT']],
    ['korupsi -', 8, 'queryDanglingOperator', ['-']],
    ['korupsi - pungli', 8, 'queryDanglingOperator', ['-']],
    ['(a -)', 3, 'queryDanglingOperator', ['-']],
    ['(OR a)', 1, 'queryDanglingOperator', ['OR']],
    ['(a OR) b', 3, 'queryDanglingOperator', ['OR']],
    ['site:', 0, 'queryFieldMissingValue', ['site']],
    ['banjir site: detik.com', 7, 'queryFieldMissingValue', ['site']],
    ['banjir lang:', 7, 'queryFieldMissingValue', ['lang']],
    ['banjir source:""', 7, 'queryFieldMissingValue', ['source']],
    ['banjir site:"', 12, 'queryUnclosedQuote', []],
    ['banjir site:det!k.com', 7, 'queryInvalidSite', ['det!k.com']],
    ['banjir lang:indonesia', 7, 'queryInvalidLanguage', ['indonesia']],
    ['banjir lang:1d', 7, 'queryInvalidLanguage', ['1d']],
    ['banjir !!!', 7, 'queryNoWords', ['!!!']],
    ['banjir "!!"', 7, 'queryNoWords', ['!!']],
    ['ko*', 0, 'queryPrefixTooShort', ['3']],
    ['banjir *', 7, 'queryMisplacedStar', []],
    ['banjir ko*rup', 9, 'queryMisplacedStar', []],
    ['banjir jalan.rus*', 16, 'queryMisplacedStar', []],
    ['-korupsi', 0, 'queryOnlyExclusions', []],
    ['NOT korupsi', 0, 'queryOnlyExclusions', []],
    ['a OR -b', 0, 'queryOnlyExclusions', []],
    ['-a -b', 0, 'queryOnlyExclusions', []],
    ['a'.repeat(MAX_QUERY_LENGTH + 1), MAX_QUERY_LENGTH, 'queryTooLong', [String(MAX_QUERY_LENGTH)]],
  ] as [string, number, string, string[]][])('%j → %s at %i', (src, position, messageKey, params) => {
    expect(parseQuery(src)).toEqual({ ok: false, error: { position, messageKey, params } });
  });

  it('has every error key in both locale catalogues with matching placeholders', () => {
    const keys = [
      'queryEmpty',
      'queryTooLong',
      'queryUnclosedQuote',
      'queryEmptyPhrase',
      'queryUnclosedParen',
      'queryUnexpectedParen',
      'queryEmptyGroup',
      'queryDanglingOperator',
      'queryFieldMissingValue',
      'queryInvalidSite',
      'queryInvalidLanguage',
      'queryNoWords',
      'queryPrefixTooShort',
      'queryMisplacedStar',
      'queryOnlyExclusions',
      'queryInvalid',
    ];
    const catalogues: Record<string, Record<string, { message: string; placeholders?: object }>> = { id, en };
    const summary = (lang: string) =>
      keys.map((key) => {
        const entry = catalogues[lang]?.[key];
        return [key, Boolean(entry?.message), Object.keys(entry?.placeholders ?? {})];
      });
    expect(summary('id')).toEqual(summary('en'));
    expect(summary('id').filter(([, has]) => !has)).toEqual([]);
  });

  it('deeply nested input comes back as a result, not an exception', () => {
    const deep = `${'('.repeat(400)}a${')'.repeat(400)}`;
    expect(parseQuery(deep).ok).toBe(true);
    expect(parseQuery('-'.repeat(900) + 'a').ok).toBe(true);
    expect(parseQuery('('.repeat(999)).ok).toBe(false);
  });
});
