// The project's import graph, checked and drawn: `node scripts/import-graph.mjs` (run by `npm run lint`)
// fails on an import cycle between files, an import cycle between domains, a domain importing a domain of
// its own or a higher layer (LAYERS below), a domain (a folder under utils/) other than worker/ importing
// utils/worker/, `sources/` and `monitor/` importing each other, or full `zod` reaching a page bundle
// (pages use zod/mini: full zod costs ~20 KB gzip in the popup). `--write` also writes
// docs/import-graph.md: the layers with their reasons and a mermaid drawing of the domains by layer.
//
// The layers, bottom first (a domain imports only domains of lower layers; LAYERS holds the reasons):
//   0 base              core/errors, core/i18n, core/time, core/db-name, core/message-transport,
//                       core/zod-jitless, core/zod-helpers, shims
//   1 web and text      net, text
//   2 stores, formats   core/db, core/message-client, export, media
//   3 networks          networks (catalog, ids, account schemas, counting rules, share links, adapters)
//   4 stored values     core/settings, core/setup
//   5 secrets, sources  secrets, sources
//   6 composing         compose
//   7 matching, queue   monitor, queue
//   8 services          accounts, listen, sidepanel
//   9 features          campaigns, report, settings-file
//  10 protocol          core/messages
//  11 wiring and pages  components, worker
//  12 entrypoints       entrypoints
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
const PAGE_ENTRIES = [
  'entrypoints/popup.tsx',
  'entrypoints/sidepanel-start.ts',
  'entrypoints/sidepanel-app.tsx',
  'entrypoints/options',
  'entrypoints/report',
  'entrypoints/setup',
];

/**
 * The domains by layer, bottom first. A domain imports only domains of lower layers, so the domain graph
 * has no cycle and a reader can take the folders in this order. A new domain must be given a layer.
 */
export const LAYERS = [
  {
    name: 'base',
    domains: ['core/errors', 'core/i18n', 'core/time', 'core/db-name', 'core/message-transport', 'core/zod-jitless', 'core/zod-helpers', 'shims'],
    why: 'Helpers that know no feature: error types, UI strings, the bare message transport, time zones, zod helpers.',
  },
  {
    name: 'web and text',
    domains: ['net', 'text'],
    why: 'URL safety and private addresses, the bounded body reader (which throws the error types below it), and text measuring (graphemes, URLs, entities, HTML to text, thread splitting) that every network rule and feed parser counts with.',
  },
  {
    name: 'stores and formats',
    domains: ['core/db', 'core/message-client', 'export', 'media'],
    why: 'The Dexie schema, the page side of messaging (reply envelope, typed errors, the messages every page sends), the CSV/XLSX writers and image conversion: no feature logic.',
  },
  {
    name: 'networks',
    domains: ['networks'],
    why: 'Everything about a network: the zod-free catalog, ids, account schemas and public fields, counting rules, share links and adapters. Below settings, which store accounts by these schemas.',
  },
  {
    name: 'stored values',
    domains: ['core/settings', 'core/setup'],
    why: 'The storage keys, each defined once with its zod schema (settings.ts also owns the stored shapes of sealed accounts and tone learning), and the set-up checklist. Every feature reads them.',
  },
  {
    name: 'secrets and sources',
    domains: ['secrets', 'sources'],
    why: 'The sealed accounts, and the feed and social-search adapters (sources use the X client and the search budget setting).',
  },
  { name: 'composing', domains: ['compose'], why: 'The composer: page, presets, validation, replies, schedule; it reads settings and the sealed accounts.' },
  {
    name: 'matching and queue',
    domains: ['monitor', 'queue'],
    why: 'Matching and tone of mentions (they fold feed items and read links as the composer does); the send queue delivers composed posts.',
  },
  {
    name: 'services',
    domains: ['accounts', 'listen', 'sidepanel'],
    why: "Connecting accounts (which retries queued posts), the listening scheduler over sources and matching, the side panel's reads of mentions.",
  },
  {
    name: 'features',
    domains: ['campaigns', 'report', 'settings-file'],
    why: 'Built from several services: campaign kits from listened feeds, reports from mentions and exports, the settings file over accounts, watches and sources.',
  },
  { name: 'protocol', domains: ['core/messages'], why: 'The one message protocol: it only assembles the per-domain protocol modules below it.' },
  {
    name: 'wiring and pages',
    domains: ['components', 'worker'],
    why: "The worker wires the domains' handlers; components are the pages. Neither imports the other.",
  },
  { name: 'entrypoints', domains: ['entrypoints'], why: 'Thin WXT entrypoints.' },
];
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

/** file → imported files (repo paths; `npm:zod` for full zod), from esbuild's metafile of every source file. */
export async function graph() {
  const entryPoints = SOURCE_DIRS.flatMap(walk);
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints,
    bundle: true,
    write: false,
    metafile: true,
    outdir: 'out',
    format: 'esm',
    platform: 'browser',
    packages: 'external',
    external: ['#imports', 'wxt/*'],
    logLevel: 'silent',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    loader: { '.json': 'json', '.svg': 'text', '.css': 'empty' },
  });
  const edges = new Map();
  for (const [file, input] of Object.entries(result.metafile.inputs)) {
    if (!SOURCE_DIRS.some((dir) => file.startsWith(`${dir}/`))) continue;
    edges.set(
      file,
      input.imports.filter((i) => !i.external || FULL_ZOD.test(i.path)).map((i) => (i.external ? 'npm:zod' : i.path)),
    );
  }
  return edges;
}

/** Strongly connected components with more than one member (or a self-loop): the cycles (Tarjan). */
export function cycles(edges) {
  let index = 0;
  const stack = [],
    onStack = new Set(),
    idx = new Map(),
    low = new Map(),
    found = [];
  const visit = (node) => {
    idx.set(node, index);
    low.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!edges.has(next)) continue;
      if (!idx.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node), idx.get(next)));
    }
    if (low.get(node) === idx.get(node)) {
      const group = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1 || (edges.get(node) ?? []).includes(node)) found.push(group.sort());
    }
  };
  for (const node of edges.keys()) if (!idx.has(node)) visit(node);
  return found;
}

/** Every file reachable from `starts` in a file graph. */
export function reachable(edges, starts) {
  const seen = new Set(starts);
  const queue = [...starts];
  while (queue.length)
    for (const next of edges.get(queue.pop()) ?? [])
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
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
  const id = (name) => name.replace(/[^A-Za-z0-9]/g, '_');
  const lines = ['```mermaid', 'flowchart TB'];
  // Top layer first, so that the arrows point down the page.
  for (const [index, layer] of [...LAYERS.entries()].reverse()) {
    lines.push(`  subgraph L${index}[${index} ${layer.name}]`, ...layer.domains.map((d) => `    ${id(d)}[${d}]`), '  end');
  }
  for (const [from, targets] of [...domains].sort()) {
    for (const [to, files] of [...targets].sort()) {
      const arrow = flagged.has(`${from} -> ${to}`) ? `-. "${files.length} (breaks a rule)" .->` : `-->|${files.length}|`;
      lines.push(`  ${id(from)} ${arrow} ${id(to)}`);
    }
  }
  return [...lines, '```'].join('\n');
}

/** The layer index of each domain in LAYERS. */
const LAYER_OF = new Map(LAYERS.flatMap((layer, index) => layer.domains.map((domain) => [domain, index])));

/**
 * The rules, on a file graph (file → imported files, `npm:zod` for full zod): file cycles, domain
 * cycles, domains without a layer, domain edges that do not point to a lower layer, reaches into worker/,
 * sources/ ⇄ monitor/, and full zod in a page bundle. Returns the problems (one sentence each, with a
 * file-to-file import as the example), the domain graph, the flagged domain edges and the domain cycles.
 */
export function rules(edges, layerOf = LAYER_OF) {
  const problems = [];
  for (const group of cycles(new Map([...edges].map(([file, imports]) => [file, imports.filter((i) => !i.startsWith('npm:'))])))) {
    problems.push(`import cycle between files: ${group.join(' → ')}`);
  }
  const domains = domainGraph(edges);
  const domainEdges = new Map([...domains].map(([from, targets]) => [from, [...targets.keys()]]));
  const flagged = new Set();
  const report = (edge, text) => {
    flagged.add(edge);
    problems.push(text);
  };
  const domainCycles = cycles(domainEdges);
  for (const group of domainCycles) {
    const inGroup = new Set(group);
    const examples = group.flatMap((from) =>
      [...domains.get(from)]
        .filter(([to]) => inGroup.has(to))
        .map(([to, files]) => {
          flagged.add(`${from} -> ${to}`);
          return files[0];
        }),
    );
    problems.push(`import cycle between domains: ${group.join(', ')} (${examples.join('; ')}); move or split modules so the edges point down (LAYERS)`);
  }
  const named = new Set([...domains.keys(), ...[...domains.values()].flatMap((targets) => [...targets.keys()])]);
  for (const domain of named) {
    if (!layerOf.has(domain)) problems.push(`domain ${domain} has no layer: add it to LAYERS in scripts/import-graph.mjs`);
  }
  for (const [from, targets] of domains) {
    for (const [to, files] of targets) {
      if (!layerOf.has(from) || !layerOf.has(to) || layerOf.get(to) < layerOf.get(from)) continue;
      const where = layerOf.get(to) === layerOf.get(from) ? 'its own layer' : 'a higher layer';
      report(`${from} -> ${to}`, `${from} (layer ${layerOf.get(from)}) imports ${to}, ${where} (${files[0]}); a domain imports only lower layers (LAYERS)`);
    }
  }
  for (const [a, b] of APART) {
    const there = domains.get(a)?.get(b),
      back = domains.get(b)?.get(a);
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
  return { problems, domains, flagged, domainCycles };
}

/** The rules on this tree's graph (esbuild's). */
export async function check() {
  return rules(await graph());
}

function layerTable() {
  return [
    '| layer | domains | why here |',
    '| --- | --- | --- |',
    ...LAYERS.map((layer, index) => `| ${index} ${layer.name} | ${layer.domains.map((d) => `\`${d}\``).join(', ')} | ${layer.why} |`),
  ].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(ROOT, 'scripts/import-graph.mjs')) {
  const { problems, domains, flagged, domainCycles } = await check();
  if (process.argv.includes('--write')) {
    const file = join(ROOT, 'docs/import-graph.md');
    writeFileSync(
      file,
      [
        '# Import graph of the domains',
        '',
        "Generated by `node scripts/import-graph.mjs --write` from the bundler's own import graph (type-only",
        'imports erased). A domain is a folder under `utils/` (`core/<name>` for a file directly in `utils/`),',
        '`components` or `entrypoints`. An arrow reads "imports"; its number counts the file-to-file imports',
        'behind it. `npm run lint` fails on an import cycle between files or between domains, on a domain',
        'importing its own or a higher layer, on a domain importing `utils/worker/`, and on full `zod` in a page',
        'bundle. Dotted arrows break a rule.',
        '',
        '## Layers, bottom first',
        '',
        'A domain imports only domains of lower layers (`LAYERS` in scripts/import-graph.mjs).',
        '',
        layerTable(),
        '',
        mermaid(domains, flagged),
        '',
        '## Cycles between domains',
        '',
        ...(domainCycles.length ? domainCycles.map((group) => `- ${group.join(', ')}`) : ['- none']),
        '',
      ].join('\n'),
    );
    console.warn(`wrote ${relative(process.cwd(), file)}`);
  }
  if (problems.length) {
    for (const problem of problems) console.error(problem);
    process.exit(1);
  }
}
