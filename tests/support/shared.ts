/**
 * Where the project's outside references live: `../shared/` beside the clone (real feeds, labelled
 * datasets, conformance suites). Tests and scripts read them from there and never copy them into the
 * project. `SIAR_SHARED` overrides the location (an absolute path). A clone made elsewhere (CI clones into a
 * temporary folder) finds them beside the local repository it was cloned from.
 *
 * @param parts path segments under shared/, e.g. `sharedPath('feeds-real', 'SOURCES.md')`
 * @returns an absolute path; throws with one clear sentence when shared/ is not there
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `../shared` beside the repository this one was cloned from, when that is a folder on this machine. */
function besideOrigin(): string | undefined {
  try {
    const origin = execFileSync('git', ['-C', root, 'config', '--get', 'remote.origin.url'], { encoding: 'utf8' }).trim();
    return origin.startsWith('/') ? resolve(origin, '..', 'shared') : undefined;
  } catch {
    return undefined; // Not a git checkout, or no origin.
  }
}

const beside = resolve(root, '..', 'shared');
export const SHARED_DIR = process.env.SIAR_SHARED ?? (existsSync(beside) ? beside : (besideOrigin() ?? beside));

export function sharedPath(...parts: string[]): string {
  if (!existsSync(SHARED_DIR)) {
    throw new Error(`The outside references are missing: expected ../shared/ beside the clone at ${SHARED_DIR}.`);
  }
  return join(SHARED_DIR, ...parts);
}
