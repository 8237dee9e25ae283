#!/usr/bin/env node
// `npm start`: builds Siar and opens Chromium with it loaded on a fresh profile. Without a display
// (a server, CI) it says so and prints the folder to load by hand.
import { execSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const extension = join(root, '.output/chrome-mv3');
execSync('npx wxt build', { cwd: root, stdio: 'inherit' });

const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) || process.platform !== 'linux';
if (!chromium || !hasDisplay) {
  console.log(`\nSiar is built in ${extension}`);
  console.log(chromium ? 'No display found, so no browser window was opened.' : 'No Chromium found on this machine.');
  console.log('Load it by hand: chrome://extensions → Developer mode → "Load unpacked" → choose the folder above.');
  process.exit(0);
}
const profile = mkdtempSync(join(tmpdir(), 'siar-dev-'));
spawn(chromium, [`--user-data-dir=${profile}`, `--disable-extensions-except=${extension}`, `--load-extension=${extension}`, '--no-first-run'], {
  stdio: 'ignore',
  detached: true,
}).unref();
console.log(`Chromium opened with Siar (profile ${profile}).`);
