import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Issue 21's layering, read from the source's own import statements: the worker wires domains
// together and no domain reaches back into it; listening sources, matching and the listening service
// depend one way only (listen → monitor → sources).

const root = resolve(import.meta.dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every relative import of every file under utils/ and components/, as repo paths. */
const edges = ['utils', 'components']
  .flatMap((dir) => sourceFiles(join(root, dir)))
  .flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g)].map(
      (match) => match[1] ?? match[2]!,
    );
    return specs.map((spec) => ({ from: relative(root, file), to: relative(root, resolve(dirname(file), spec)) }));
  });

const inside = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);
const crossing = (from: string, to: string) => edges.filter((e) => inside(e.from, from) && inside(e.to, to)).map((e) => `${e.from} → ${e.to}`);

describe('import layering', () => {
  it('reads a realistic number of imports (the scan itself works)', () => {
    expect(edges.length).toBeGreaterThan(500);
    expect(crossing('utils/worker', 'utils/listen').length).toBeGreaterThan(0);
  });

  it('has no domain module importing utils/worker/', () => {
    expect(edges.filter((e) => !inside(e.from, 'utils/worker') && inside(e.to, 'utils/worker')).map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });

  it.each([
    ['utils/sources', 'utils/monitor'],
    ['utils/sources', 'utils/listen'],
    ['utils/monitor', 'utils/listen'],
    ['utils/queue', 'utils/accounts'],
    ['components', 'utils/worker'],
  ])('has %s never importing %s', (from, to) => {
    expect(crossing(from, to)).toEqual([]);
  });
});
