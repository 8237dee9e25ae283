// The project's import graph, checked and drawn: `node scripts/import-graph.mjs` (run by `npm run lint`)
// fails on an import cycle between files, a domain (a folder under utils/) other than worker/ importing
// utils/worker/, `sources/` and `monitor/` importing each other, or full `zod` reaching a page bundle
// (pages use zod/mini: full zod costs ~20 KB gzip in the popup). `--write` also writes
// docs/import-graph.md: a mermaid drawing of the domains, with the cycles between domains listed.
//
// The graph is esbuild's (its metafile lists every module's resolved imports): a parser written here
// would miss what the bundler sees. Type-only imports are erased by esbuild, so the graph is the one
// that runs. Why not madge or dependency-cruiser: both parse TypeScript through the `typescript` API,
// which TypeScript 7's package no longer ships.
import { readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { build } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '..');
const SOURCE_DIRS = ['entrypoints', 'components', 'utils'];
/** Page bundles: everything they import runs in an extension page. */
const PAGE_ENTRIES = ['entrypoints/popup.tsx', 'entrypoints/sidepanel-start.ts', 'entrypoints/sidepanel-app.tsx', 'entrypoints/options', 'entrypoints/report', 'entrypoints/setup'];

/**
 * Known domain edges that break the rules while a fix is under way, as 'from -> to'. Each is reported
 * while it lasts; an entry no longer needed is reported as stale (not an error). Empty since issue 21's
 * i21-listen half removed sources/ ⇄ monitor/ and accounts/ → worker/.
 */
const ALLOWED = new Set([]);
/** Domains that must not import each other in either direction (issue 21: listening gets its own room). */
const APART = [['sources', 'monitor']];
/** Full zod, as opposed to zod/mini and zod's core (which zod/mini is built on). */
const FULL_ZOD = /^zod(\/v4|\/classic|\/v4\/classic)?$/;

function walk(dir) {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return walk(path);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * utils/monitor/x.ts → monitor; components/… → components; entrypoints/… → entrypoints. The files
 * directly in utils/ (messages, settings, db, errors, i18n…) are the shared core every domain may use:
 * each is its own node, `core/<name>`.
 */
export function domainOf(file) {
  const parts = file.split('/');
  if (parts[0] !== 'utils') return parts[0];
  return parts.length > 2 ? parts[1] : `core/${parts[1].replace(/\.tsx?$/, '')}`;
}

async function graph() {
  const entryPoints = SOURCE_DIRS.flatMap(walk);
  const result = await build({
    absWorkingDir: ROOT, entryPoints, bundle: true, write: false, metafile: true, outdir: 'out', format: 'esm', platform: 'browser',
    packages: 'external', external: ['#imports', 'wxt/*'], logLevel: 'silent', jsx: 'automatic', jsxImportSource: 'preact',
    loader: { '.json': 'json', '.svg': 'text', '.css': 'empty' },
  });
  const edges = new Map();
  for (const [file, input] of Object.entries(result.metafile.inputs)) {
    if (!SOURCE_DIRS.some((dir) => file.startsWith(`${dir}/`))) continue;
    edges.set(file, input.imports.filter((i) => !i.external || FULL_ZOD.test(i.path)).map((i) => (i.external ? 'npm:zod' : i.path)));
  }
  return edges;
}

/** Strongly connected components with more than one member (or a self-loop): the cycles (Tarjan). */
export function cycles(edges) {
  let index = 0;
  const stack = [], onStack = new Set(), idx = new Map(), low = new Map(), found = [];
  const visit = (node) => {
    idx.set(node, index); low.set(node, index); index += 1; stack.push(node); onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!edges.has(next)) continue;
      if (!idx.has(next)) { visit(next); low.set(node, Math.min(low.get(node), low.get(next))); }
      else if (onStack.has(next)) low.set(node, Math.min(low.get(node), idx.get(next)));
    }
    if (low.get(node) === idx.get(node)) {
      const group = [];
      let member;
      do { member = stack.pop(); onStack.delete(member); group.push(member); } while (member !== node);
      if (group.length > 1 || (edges.get(node) ?? []).includes(node)) found.push(group.sort());
    }
  };
  for (const node of edges.keys()) if (!idx.has(node)) visit(node);
  return found;
}

function reachable(edges, starts) {
  const seen = new Set(starts);
  const queue = [...starts];
  while (queue.length) for (const next of edges.get(queue.pop()) ?? []) if (!seen.has(next)) { seen.add(next); queue.push(next); }
  return seen;
}

function domainGraph(edges) {
  const domains = new Map();
  for (const [file, imports] of edges) {
    const from = domainOf(file);
    if (!domains.has(from)) domains.set(from, new Map());
    for (const target of imports) {
      if (target.startsWith('npm:')) continue;
      const to = domainOf(target);
      if (to === from) continue;
      const files = domains.get(from).get(to) ?? [];
      domains.get(from).set(to, [...files, `${file} → ${target}`]);
    }
  }
  return domains;
}

function mermaid(domains, flagged) {
  const lines = ['```mermaid', 'flowchart LR'];
  for (const [from, targets] of [...domains].sort()) {
    for (const [to, files] of [...targets].sort()) {
      const id = (name) => name.replace(/[^A-Za-z0-9]/g, '_');
      const arrow = flagged.has(`${from} -> ${to}`) ? `-. "${files.length} (to remove)" .->` : `-->|${files.length}|`;
      lines.push(`  ${id(from)}[${from}] ${arrow} ${id(to)}[${to}]`);
    }
  }
  return [...lines, '```'].join('\n');
}

export async function check() {
  const edges = await graph();
  const problems = [], notes = [];
  for (const group of cycles(new Map([...edges].map(([file, imports]) => [file, imports.filter((i) => !i.startsWith('npm:'))])))) {
    problems.push(`import cycle between files: ${group.join(' → ')}`);
  }
  const domains = domainGraph(edges);
  const domainEdges = new Map([...domains].map(([from, targets]) => [from, [...targets.keys()]]));
  const flagged = new Set();
  const report = (edge, text) => {
    flagged.add(edge);
    if (ALLOWED.has(edge)) notes.push(`allowed until issue 21's i21-listen lands: ${text}`);
    else problems.push(text);
  };
  for (const [a, b] of APART) {
    const there = domains.get(a)?.get(b), back = domains.get(b)?.get(a);
    if (there && back) report(`${a} -> ${b}`, `${a}/ and ${b}/ import each other (${there[0]}; ${back[0]}); one direction at most`);
  }
  for (const [from, targets] of domains) {
    if (from !== 'worker' && from !== 'entrypoints' && targets.has('worker')) {
      report(`${from} -> worker`, `${from}/ imports utils/worker/ (${targets.get('worker')[0]}); worker/ wires domains, no domain depends on it`);
    }
  }
  for (const entry of PAGE_ENTRIES) {
    const starts = [...edges.keys()].filter((file) => file === entry || file.startsWith(`${entry}/`));
    const inPage = reachable(edges, starts);
    const full = [...inPage].filter((file) => (edges.get(file) ?? []).includes('npm:zod'));
    for (const file of full) problems.push(`${file} imports full zod and is part of the page bundle ${entry}; use zod/mini`);
  }
  const stale = [...ALLOWED].filter((edge) => !flagged.has(edge));
  for (const edge of stale) notes.push(`stale allowance (remove it from scripts/import-graph.mjs): ${edge}`);
  return { problems, notes, domains, flagged, domainCycles: cycles(domainEdges) };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(ROOT, 'scripts/import-graph.mjs')) {
  const { problems, notes, domains, flagged, domainCycles } = await check();
  for (const note of notes) console.warn(`note: ${note}`);
  if (process.argv.includes('--write')) {
    const file = join(ROOT, 'docs/import-graph.md');
    writeFileSync(file, [
      '# Import graph of the domains',
      '',
      'Generated by `node scripts/import-graph.mjs --write` from the bundler\'s own import graph (type-only',
      'imports erased). An arrow reads "imports"; its number counts the file-to-file imports behind it.',
      'Dotted arrows are the edges issue 21 is removing (they make a cycle or reach into `worker/`).',
      '`npm run lint` fails on any other cycle, any other import of `utils/worker/`, and full `zod` in a page bundle.',
      '',
      mermaid(domains, flagged),
      '',
      '## Cycles between domains',
      '',
      'Not an error yet (no file imports itself back; `npm run lint` fails on file cycles), but each is a place',
      'where two folders depend on each other. Groups of domains that reach each other:',
      '',
      ...(domainCycles.length ? domainCycles.map((group) => `- ${group.join(', ')}`) : ['- none']),
      '',
    ].join('\n'));
    console.warn(`wrote ${relative(process.cwd(), file)}`);
  }
  if (problems.length) {
    for (const problem of problems) console.error(problem);
    process.exit(1);
  }
}
