import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every file under `dir` whose bytes contain `needle` (as UTF-8 or UTF-16LE, the two encodings
 * Chromium's stores write strings in): what an outsider with a copy of the profile would find.
 */
export function filesContaining(dir: string, needle: string): string[] {
  const patterns = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')];
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      continue; // Sockets, locks.
    }
    if (patterns.some((pattern) => bytes.includes(pattern))) found.push(path.slice(dir.length + 1));
  }
  return found;
}
