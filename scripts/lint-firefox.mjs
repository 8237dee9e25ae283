#!/usr/bin/env node
// `npm run lint:firefox`: Mozilla's add-on linter on the Firefox build (.output/firefox-mv2, through
// `web-ext lint`) and on the store zip (through the addons-linter that web-ext pins, which reads zips).
// Fails on any error, and on any warning or notice the README does not explain: each accepted one is a
// line in README.md's "Firefox lint" section naming its code and file (hashed chunk names as `name-*.js`).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const bin = (name) => join(root, 'node_modules', '.bin', name);

/** Runs a linter that prints addons-linter JSON; both exit non-zero on errors, so read the output anyway. */
function lint(command, args) {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (_error, stdout, stderr) => {
      const start = stdout.indexOf('{');
      if (start < 0) reject(new Error(`${command} printed no report: ${stderr}`));
      else resolve(JSON.parse(stdout.slice(start)));
    });
  });
}

/** The README section's text, where every accepted warning is explained. */
function explanations() {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('### Firefox lint');
  if (start < 0) throw new Error('README.md has no "### Firefox lint" section');
  const end = readme.indexOf('\n#', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

const normalise = (file) => (file ?? 'manifest.json').replace(/-[A-Za-z0-9_-]{8}\.js$/, '-*.js');

const targets = [
  {
    name: '.output/firefox-mv2',
    run: () => lint(bin('web-ext'), ['lint', '--source-dir', '.output/firefox-mv2', '--output', 'json', '--no-config-discovery']),
  },
  {
    name: `.output/${pkg.name}-${pkg.version}-firefox.zip`,
    run: () => lint(bin('addons-linter'), ['--output', 'json', `.output/${pkg.name}-${pkg.version}-firefox.zip`]),
  },
];

const section = explanations();
let failed = false;
// Both at once: each is one linter process scanning the same ~1.4 MB of scripts.
const reports = await Promise.all(targets.map((target) => target.run()));
targets.forEach((target, index) => {
  const report = reports[index];
  const problems = [];
  for (const m of report.errors) problems.push(`error ${m.code} in ${m.file ?? 'manifest'}: ${m.message}`);
  for (const m of [...report.warnings, ...report.notices]) {
    const explained = section.includes(`\`${m.code}\``) && section.includes(`\`${normalise(m.file)}\``);
    if (!explained)
      problems.push(
        `unexplained ${m._type} ${m.code} in ${m.file ?? 'manifest'}: ${m.message} (explain it in README.md's "Firefox lint" section or remove it)`,
      );
  }
  process.stdout.write(
    `${target.name}: ${report.errors.length} errors, ${report.warnings.length} warnings, ${report.notices.length} notices; ${problems.length} not accepted\n`,
  );
  for (const problem of problems) console.error(`  ${problem}`);
  if (problems.length) failed = true;
});
process.exit(failed ? 1 : 0);
