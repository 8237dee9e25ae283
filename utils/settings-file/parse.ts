import type { z } from 'zod';
import { NETWORK_IDS } from '../networks/catalog';
import { SETTINGS_FILE_FORMAT, SETTINGS_FILE_MAX_BYTES, SETTINGS_FILE_VERSION, settingsFileSchema, type SettingsFile } from './schema';

// Reading a settings file someone else made: every way it can be wrong becomes one problem naming the
// field path and what was expected, so the officer (or the bureau) can fix the file. Nothing is
// applied unless the whole file passes.

export type ProblemKind =
  | 'too-large'
  | 'json'
  | 'format'
  | 'version'
  | 'forbidden-key'
  | 'unknown-key'
  | 'type'
  | 'too-long'
  | 'too-short'
  | 'too-many'
  | 'too-big'
  | 'too-small'
  | 'value'
  | 'pattern'
  | 'invalid'
  | 'unconfirmed-loss';

export interface FileProblem {
  kind: ProblemKind;
  /** Where in the file, e.g. `presets.hashtags[2].label`; empty for the file as a whole. */
  path: string;
  /** What was expected: a type name, a limit, or the allowed values. */
  expected?: string;
}

export type ParseResult = { ok: true; file: SettingsFile } | { ok: false; problem: FileProblem };

/** Keys that would reach Object.prototype through a naive merge anywhere downstream. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

type Path = readonly PropertyKey[];

export function formatPath(path: Path): string {
  return path.reduce<string>(
    (out, part) =>
      typeof part === 'number'
        ? `${out}[${part}]`
        : /^[A-Za-z_$][\w$]*$/.test(String(part))
          ? `${out}${out ? '.' : ''}${String(part)}`
          : `${out}[${JSON.stringify(String(part))}]`,
    '',
  );
}

function findKey(value: unknown, test: (key: string, path: Path, parent: Record<string, unknown>) => boolean, path: Path = []): Path | undefined {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findKey(item, test, [...path, index]);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (test(key, path, value as Record<string, unknown>)) return [...path, key];
      const found = findKey(item, test, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

function at(value: unknown, path: Path): unknown {
  let current = value;
  for (const part of path) current = current && typeof current === 'object' ? (current as Record<PropertyKey, unknown>)[part as string] : undefined;
  return current;
}

/** zod strips keys it does not know; a bureau's typo ("hashtag" for "hashtags") must be reported instead. */
function unknownKey(input: unknown, output: unknown): Path | undefined {
  return findKey(input, (key, path) => {
    const kept = at(output, path);
    return kept !== null && typeof kept === 'object' && !Array.isArray(kept) && !Object.hasOwn(kept, key);
  });
}

function fromIssue(issue: z.core.$ZodIssue): FileProblem {
  const path = formatPath(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return { kind: 'type', path, expected: issue.expected };
    case 'too_big':
      return {
        kind: issue.origin === 'string' ? 'too-long' : issue.origin === 'array' ? 'too-many' : 'too-big',
        path,
        expected: String(issue.maximum),
      };
    case 'too_small':
      return { kind: issue.origin === 'string' ? 'too-short' : 'too-small', path, expected: String(issue.minimum) };
    case 'invalid_value':
      return { kind: 'value', path, expected: issue.values.map((v) => String(v)).join(', ') };
    case 'invalid_format':
      return { kind: 'pattern', path, expected: issue.format };
    case 'unrecognized_keys':
      return { kind: 'unknown-key', path: formatPath([...issue.path, issue.keys[0] ?? '']) };
    case 'invalid_key':
      return { kind: 'value', path, expected: NETWORK_IDS.join(', ') };
    default:
      return { kind: 'invalid', path };
  }
}

export function parseSettingsFile(text: string): ParseResult {
  if (new TextEncoder().encode(text).byteLength > SETTINGS_FILE_MAX_BYTES) {
    return { ok: false, problem: { kind: 'too-large', path: '', expected: `${SETTINGS_FILE_MAX_BYTES / 1024 / 1024} MB` } };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, problem: { kind: 'json', path: '' } };
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) return { ok: false, problem: { kind: 'type', path: '', expected: 'object' } };
  const forbidden = findKey(json, (key) => FORBIDDEN_KEYS.has(key));
  if (forbidden) return { ok: false, problem: { kind: 'forbidden-key', path: formatPath(forbidden) } };
  const head = json as { format?: unknown; version?: unknown };
  if (head.format !== SETTINGS_FILE_FORMAT) return { ok: false, problem: { kind: 'format', path: 'format', expected: SETTINGS_FILE_FORMAT } };
  if (head.version !== SETTINGS_FILE_VERSION) return { ok: false, problem: { kind: 'version', path: 'version', expected: String(SETTINGS_FILE_VERSION) } };
  const parsed = settingsFileSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problem: fromIssue(parsed.error.issues[0]!) };
  const extra = unknownKey(json, parsed.data);
  if (extra) return { ok: false, problem: { kind: 'unknown-key', path: formatPath(extra) } };
  return { ok: true, file: parsed.data };
}
