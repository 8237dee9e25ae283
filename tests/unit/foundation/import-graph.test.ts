import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain Node script without type declarations
import { check, cycles, domainOf } from '../../../scripts/import-graph.mjs';

type Graph = Map<string, string[]>;
const graph = (edges: Record<string, string[]>): Graph => new Map(Object.entries(edges));

describe('import graph check (scripts/import-graph.mjs, run by npm run lint)', () => {
  it.each<[string, Record<string, string[]>, string[][]]>([
    ['no cycle in a chain', { a: ['b'], b: ['c'], c: [] }, []],
    ['a two-file cycle', { a: ['b'], b: ['a'] }, [['a', 'b']]],
    ['a longer cycle beside a tail', { a: ['b'], b: ['c'], c: ['a', 'd'], d: [] }, [['a', 'b', 'c']]],
    ['a file importing itself', { a: ['a'] }, [['a']]],
    ['two separate cycles', { a: ['b'], b: ['a'], c: ['d'], d: ['c'] }, [['a', 'b'], ['c', 'd']]],
    ['imports outside the graph are ignored', { a: ['npm:zod', 'b'], b: [] }, []],
  ])('%s', (_label, edges, expected) => {
    expect((cycles(graph(edges)) as string[][]).sort()).toEqual(expected);
  });

  it.each([
    ['utils/monitor/match.ts', 'monitor'],
    ['utils/messages.ts', 'core/messages'],
    ['components/Popup.tsx', 'components'],
    ['entrypoints/options/main.tsx', 'entrypoints'],
  ])('%s belongs to %s', (file, domain) => expect(domainOf(file)).toBe(domain));

  it('finds no file cycle, no new reach into worker/ and no full zod in a page on this tree', async () => {
    const { problems } = (await check()) as { problems: string[] };
    expect(problems).toEqual([]);
  }, 60_000);
});
