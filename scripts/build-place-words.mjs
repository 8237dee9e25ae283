// Builds utils/monitor/data/place-words.json from the npm package idn-area-data (devDependency):
// every word of the names of Indonesia's 38 provinces and 514 regencies/cities, lower-case. The
// stemmer treats these as words never to strip ("Maluku" is not "malu" + -ku, "Pekalongan" not
// "kalong"), and hashtag splitting uses them as known words.
// Run: node scripts/build-place-words.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve('idn-area-data/package.json'));
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));

function names(file, column) {
  const [header, ...rows] = readFileSync(join(pkgDir, 'data', file), 'utf8')
    .trim()
    .split(/\r?\n/);
  const at = header.split(',').indexOf(column);
  // The CSVs quote no field that contains a comma in these two files; checked by the count below.
  return rows.map((row) => row.split(',')[at]);
}

// Administrative words that are ordinary Indonesian words, not names: the stemmer may strip around them.
const GENERIC = new Set(['kabupaten', 'kota', 'kepulauan', 'daerah', 'khusus', 'istimewa', 'ibukota', 'administrasi']);
const provinces = names('provinces.csv', 'name');
const regencies = names('regencies.csv', 'name');
if (provinces.length !== 38) throw new Error(`expected 38 provinces, got ${provinces.length}`);
const words = new Set();
for (const name of [...provinces, ...regencies]) {
  for (const w of name
    .toLowerCase()
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)) {
    if (w.length >= 3 && !GENERIC.has(w)) words.add(w);
  }
}
const out = {
  source: `npm idn-area-data ${pkg.version} (data/provinces.csv, data/regencies.csv)`,
  provinces: provinces.length,
  regencies: regencies.length,
  words: [...words].sort(),
};
const here = dirname(fileURLToPath(import.meta.url));
writeFileSync(join(here, '..', 'utils', 'monitor', 'data', 'place-words.json'), `${JSON.stringify(out, null, 0)}\n`);
console.log(`${out.words.length} place words from ${provinces.length} provinces and ${regencies.length} regencies/cities`);
