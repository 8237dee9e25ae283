/**
 * Where the project's outside references live: `../shared/` beside the clone (real feeds, labelled
 * datasets, conformance suites). Tests and scripts read them from there and never copy them into the
 * project. `SIAR_SHARED` overrides the location (an absolute path).
 *
 * @param parts path segments under shared/, e.g. `sharedPath('feeds-real', 'SOURCES.md')`
 * @returns an absolute path; throws with one clear sentence when shared/ is not there
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const SHARED_DIR = process.env.SIAR_SHARED ?? resolve(root, '..', 'shared');

export function sharedPath(...parts: string[]): string {
  if (!existsSync(SHARED_DIR)) {
    throw new Error(`The outside references are missing: expected ../shared/ beside the clone at ${SHARED_DIR}.`);
  }
  return join(SHARED_DIR, ...parts);
}
