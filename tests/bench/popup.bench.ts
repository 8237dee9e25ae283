import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { EXTENSION_DIR, launchSiar, type SiarBrowser } from '../e2e/support/launch';
import { median, report, timeToMark } from './report';

const RUNS = 21;
let siar: SiarBrowser;
beforeAll(async () => {
  siar = await launchSiar();
});
afterAll(async () => {
  await siar.close();
});

async function timeToReady(path: string, mark: string | undefined): Promise<{ ms: number; painted: number }> {
  const { ms, painted, page } = await timeToMark(siar.context, siar.url(path), mark);
  await page.close();
  return { ms, painted };
}

/** Everything popup.html loads: its scripts, module preloads and stylesheets. */
function popupAssets(): string[] {
  const html = readFileSync(join(EXTENSION_DIR, 'popup.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]!.replace(/^\//, ''));
}

it('popup ready time against a blank extension page, and popup size', async () => {
  const blank: number[] = [];
  const blankScript: number[] = [];
  const popup: number[] = [];
  const painted: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    // Interleaved, so drift in machine load affects every series alike.
    blank.push((await timeToReady('bench-blank.html', undefined)).ms);
    blankScript.push((await timeToReady('bench-blank-script.html', undefined)).ms);
    const ready = await timeToReady('popup.html', 'siar-ready');
    popup.push(ready.ms);
    painted.push(ready.painted);
  }
  const assets = popupAssets();
  const sizes = assets.map((file) => {
    const bytes = readFileSync(join(EXTENSION_DIR, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const js = sizes.filter((s) => s.file.endsWith('.js')).reduce((sum, s) => sum + s.gzip, 0);
  const all = sizes.reduce((sum, s) => sum + s.gzip, 0);
  report('popup', [
    { name: 'blank extension page load (floor)', value: median(blank), unit: 'ms' },
    { name: 'blank extension page with one empty script (second floor)', value: median(blankScript), unit: 'ms' },
    // Both before paint: the blank page's load event, and the composer's DOM holding the prefilled draft.
    {
      name: 'popup ready (composer in the DOM)',
      value: median(popup),
      unit: 'ms',
      ratio: median(popup) / median(blank),
      floor: 'blank page',
      budget: '≤ 1.5×',
    },
    {
      name: 'popup ready against the second floor',
      value: median(popup),
      unit: 'ms',
      ratio: median(popup) / median(blankScript),
      floor: 'blank page + one script',
    },
    { name: 'popup composer painted (end of that frame)', value: median(painted), unit: 'ms', ratio: median(painted) / median(blank), floor: 'blank page' },
    { name: 'popup JS (gzip)', value: js / 1024, unit: 'KiB', budget: '≤ 60 KiB' },
    { name: 'everything popup.html loads (gzip)', value: all / 1024, unit: 'KiB' },
  ]);
  expect(Number.isFinite(median(popup))).toBe(true);
});
