import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain Node script without type declarations
import { check, cycles, domainOf, graph as fileGraph, LAYERS, reachable, rules } from '../../../scripts/import-graph.mjs';

type Graph = Map<string, string[]>;
const graph = (edges: Record<string, string[]>): Graph => new Map(Object.entries(edges));

describe('import graph check (scripts/import-graph.mjs, run by npm run lint)', () => {
  it.each<[string, Record<string, string[]>, string[][]]>([
    ['no cycle in a chain', { a: ['b'], b: ['c'], c: [] }, []],
    ['a two-file cycle', { a: ['b'], b: ['a'] }, [['a', 'b']]],
    ['a longer cycle beside a tail', { a: ['b'], b: ['c'], c: ['a', 'd'], d: [] }, [['a', 'b', 'c']]],
    ['a file importing itself', { a: ['a'] }, [['a']]],
    [
      'two separate cycles',
      { a: ['b'], b: ['a'], c: ['d'], d: ['c'] },
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    ['imports outside the graph are ignored', { a: ['npm:zod', 'b'], b: [] }, []],
  ])('%s', (_label, edges, expected) => {
    expect((cycles(graph(edges)) as string[][]).sort()).toEqual(expected);
  });

  it.each([
    ['utils/monitor/match.ts', 'monitor'],
    ['utils/messages.ts', 'core/messages'],
    ['components/Popup.tsx', 'components'],
    ['entrypoints/options/main.tsx', 'entrypoints'],
    ['utils/networks/rules/x.ts', 'networks'],
  ])('%s belongs to %s', (file, domain) => expect(domainOf(file)).toBe(domain));

  // A small tree with three layers: a (0) < b (1) < c (2); files import across domains without any file cycle.
  const layerOf = new Map([
    ['a', 0],
    ['b', 1],
    ['c', 2],
  ]);
  const problemsOf = (edges: Record<string, string[]>) => (rules(graph(edges), layerOf) as { problems: string[] }).problems;

  it('passes a tree whose domain edges all point down', () => {
    expect(problemsOf({ 'utils/c/x.ts': ['utils/b/y.ts', 'utils/a/z.ts'], 'utils/b/y.ts': ['utils/a/z.ts'], 'utils/a/z.ts': [] })).toEqual([]);
  });

  it('fails a cycle between domains even when no file imports itself back', () => {
    const problems = problemsOf({
      'utils/a/one.ts': ['utils/b/two.ts'],
      'utils/b/two.ts': [],
      'utils/b/three.ts': ['utils/a/four.ts'],
      'utils/a/four.ts': [],
    });
    expect(problems.some((p) => p.startsWith('import cycle between files'))).toBe(false);
    expect(problems).toContainEqual(
      expect.stringMatching(/^import cycle between domains: a, b \(utils\/a\/one\.ts → utils\/b\/two\.ts; utils\/b\/three\.ts → utils\/a\/four\.ts\)/),
    );
  });

  it.each<[string, Record<string, string[]>, RegExp]>([
    [
      'an edge up a layer',
      { 'utils/a/x.ts': ['utils/c/y.ts'], 'utils/c/y.ts': [] },
      /^a \(layer 0\) imports c, a higher layer \(utils\/a\/x\.ts → utils\/c\/y\.ts\)/,
    ],
    ['a domain with no layer', { 'utils/e/x.ts': [] }, /^domain e has no layer/],
  ])('fails %s', (_label, edges, expected) => {
    expect(problemsOf(edges)).toContainEqual(expect.stringMatching(expected));
  });

  it('fails an edge between two domains of one layer', () => {
    const sameLayer = new Map([
      ['a', 0],
      ['b', 0],
    ]);
    const { problems } = rules(graph({ 'utils/a/x.ts': ['utils/b/y.ts'], 'utils/b/y.ts': [] }), sameLayer) as { problems: string[] };
    expect(problems).toEqual(['a (layer 0) imports b, its own layer (utils/a/x.ts → utils/b/y.ts); a domain imports only lower layers (LAYERS)']);
  });

  it('names each domain in one layer only', () => {
    const all = (LAYERS as { domains: string[] }[]).flatMap((layer) => layer.domains);
    expect(new Set(all).size).toBe(all.length);
  });

  it('finds no file or domain cycle, no edge up the layers, no reach into worker/ and no full zod in a page on this tree', async () => {
    const { problems } = (await check()) as { problems: string[] };
    expect(problems).toEqual([]);
  }, 60_000);

  it("keeps the other pages' message schemas out of the popup bundle (its size), while the options page has them", async () => {
    const files = (await fileGraph()) as Graph;
    const popup = reachable(files, ['entrypoints/popup.tsx']) as Set<string>;
    const others = [
      'utils/messages.ts',
      'utils/monitor/protocol.ts',
      'utils/accounts/protocol.ts',
      'utils/settings-file/protocol.ts',
      'utils/sidepanel/protocol.ts',
    ];
    expect(others.filter((file) => popup.has(file))).toEqual([]);
    expect(popup.has('utils/compose/protocol.ts')).toBe(true);
    const options = reachable(
      files,
      [...files.keys()].filter((file) => file.startsWith('entrypoints/options/')),
    ) as Set<string>;
    expect(others.filter((file) => !options.has(file))).toEqual([]);
  }, 60_000);
});
