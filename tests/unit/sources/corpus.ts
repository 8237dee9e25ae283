import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseFeed } from '../../../utils/sources/parse-feed';
import type { RawItem } from '../../../utils/sources/types';
import { sharedPath } from '../../support/shared';

// Compares parseFeed with a reference reading (tests/scripts/feed-reference.py: Debian's python3-feedparser
// for RSS/Atom/RDF, the JSON Feed 1.1 spec for JSON) item by item, field by field.

export const FIELDS = ['count', 'title', 'link', 'id', 'date', 'summary'] as const;
export type Field = (typeof FIELDS)[number];

/** The document URL both readers are told the feed came from (feedparser as Content-Location). */
export const CORPUS_BASE = 'https://feeds.example/';

export interface RefItem {
  title: string;
  link: string | null;
  id: string | null;
  date: string | null;
  summary: string;
}

export interface RefFeed {
  reader: string;
  error: string | null;
  items: RefItem[];
}

export interface Disagreement {
  file: string;
  /** Index of the item in the reference (document order); -1 for the count. */
  item: number;
  field: Field;
  ours: string;
  reference: string;
}

export function corpusFiles(): string[] {
  return readdirSync(sharedPath('feeds-real'), { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name !== 'SOURCES.md' && entry.name !== 'manifest.tsv')
    .map((entry) => entry.name)
    .sort();
}

export function readCorpusFile(file: string): Uint8Array {
  return new Uint8Array(readFileSync(sharedPath('feeds-real', file)));
}

/** Runs the reference reader over the whole corpus once (Debian's python3, not a pyenv shim on PATH). */
export function referenceReading(): Record<string, RefFeed> {
  const script = fileURLToPath(new URL('../../scripts/feed-reference.py', import.meta.url));
  const out = execFileSync('/usr/bin/python3', [script, sharedPath('feeds-real'), CORPUS_BASE], { maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' });
  return JSON.parse(out) as Record<string, RefFeed>;
}

function minute(time: number | undefined): string | null {
  return time === undefined ? null : `${new Date(time).toISOString().slice(0, 16)}Z`;
}

const norm = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();

/** Same text, allowing for our clipping ("…" after a word boundary cut at 500/1000 characters). */
function sameText(ours: string, reference: string): boolean {
  const a = norm(ours);
  const b = norm(reference);
  if (a === b) return true;
  return a.endsWith('…') && a.length > 1 && b.startsWith(a.slice(0, -1).trimEnd());
}

/** Equivalent URLs (RFC 3986 §6.2.2–6.2.3: case of scheme and host, empty path is "/"), via the WHATWG URL serialiser. */
function sameUrl(ours: string, reference: string): boolean {
  try {
    return new URL(ours).href === new URL(reference).href;
  } catch {
    return ours === reference;
  }
}

/** Our guid when the feed has no id: the item's own link, or a hash of title + date + feed (never the site link). */
function generatedId(item: RawItem, ref: RefItem): boolean {
  return item.guid.startsWith('h:') || (ref.link !== null && item.guid === item.url);
}

function compareItem(file: string, index: number, item: RawItem, ref: RefItem): Disagreement[] {
  const out: Disagreement[] = [];
  const add = (field: Field, ours: string, reference: string) => out.push({ file, item: index, field, ours, reference });
  if (!sameText(item.title, ref.title)) add('title', item.title, ref.title);
  // A link-less item points at the feed's site (or the document URL) so an officer can open something.
  if (ref.link !== null && !sameUrl(item.url, ref.link)) add('link', item.url, ref.link);
  if (ref.id !== null ? item.guid !== ref.id : !generatedId(item, ref)) add('id', item.guid, ref.id ?? '(none)');
  if (minute(item.publishedAt) !== ref.date) add('date', minute(item.publishedAt) ?? '(none)', ref.date ?? '(none)');
  if (!sameText(item.summary, ref.summary)) add('summary', item.summary, ref.summary);
  return out;
}

/** Same count: document order. Otherwise each reference item takes the first unused item with its id, link or title. */
function pair(ours: RawItem[], refs: RefItem[]): Array<RawItem | undefined> {
  if (ours.length === refs.length) return ours;
  const unused = new Set(ours);
  return refs.map((ref) => {
    const found =
      [...unused].find((item) => (ref.id !== null && item.guid === ref.id) || (ref.link !== null && sameUrl(item.url, ref.link))) ??
      [...unused].find((item) => ref.title !== '' && sameText(item.title, ref.title));
    if (found) unused.delete(found);
    return found;
  });
}

export interface FileResult {
  items: number;
  disagreements: Disagreement[];
}

/** Parses one corpus file and compares it with its reference reading. */
export function compareFile(file: string, ref: RefFeed): FileResult {
  const result = parseFeed(readCorpusFile(file), undefined, { baseUrl: CORPUS_BASE + file });
  const ours = result.ok ? result.items : [];
  const disagreements: Disagreement[] = [];
  if (ours.length !== ref.items.length) {
    const why = result.ok ? String(ours.length) : `0 (${result.error.code})`;
    disagreements.push({ file, item: -1, field: 'count', ours: why, reference: String(ref.items.length) });
  }
  const paired = pair(ours, ref.items);
  ref.items.forEach((refItem, index) => {
    const item = paired[index];
    if (item) disagreements.push(...compareItem(file, index, item, refItem));
  });
  return { items: ref.items.length, disagreements };
}
