/**
 * Generated Indonesian posts as Humas officers write them: government vocabulary, hashtags with
 * hyphens, apostrophes and trailing punctuation, Bluesky and Mastodon handles (also after a
 * non-breaking space), links with ASCII and non-ASCII paths, bare domains, emoji old and new
 * (ZWJ sequences newer than twitter-text's emoji list, keycaps, flags) and paragraph breaks.
 * fast-check drives it, so a failure shrinks to a small text and prints its seed.
 */
import fc from 'fast-check';

const WORDS = [
  'pemerintah',
  'masyarakat',
  'kebijakan',
  'anggaran',
  'bantuan',
  'sosial',
  'pelayanan',
  'publik',
  'desa',
  'kabupaten',
  'provinsi',
  'kementerian',
  'informasi',
  'hoaks',
  'vaksinasi',
  'banjir',
  'bencana',
  'warga',
  'gotong-royong',
  'ke-80',
  'Se-Jawa',
  "Jum'at",
  'Rp1,2 triliun',
  '17/08/2025',
  'pukul 09.00 WIB',
  'UMKM',
  'Kominfo',
  'Jawa Tengah',
  'Nusantara',
  'rapat',
  'koordinasi',
  'sosialisasi',
  'program',
  'penerima',
  'manfaat',
  'keluarga',
  'sekolah',
  'kesehatan',
  'jalan',
  'tol',
  'bandara',
  'pelabuhan',
  'irigasi',
  'beras',
  'naïve',
  'café',
  'kota',
  'Bapak',
  'Ibu',
  'Gubernur',
  'Bupati',
  'Wali Kota',
  'Presiden',
  'Menteri',
  '2025',
];
const EMOJI = ['🇮🇩', '👍🏽', '🎉', '🙏', '📢', '👨‍👩‍👧‍👦', '🧑‍🔧', '🐦‍🔥', '❤️‍🔥', '🙂‍↔️', '🫱🏻‍🫲🏼', '#️⃣', '1️⃣', '✅', '⚠️', '🫠'];
const TAG_WORDS = [
  'Bersatu',
  'Kita',
  'Jatim',
  'HUT',
  'RI',
  'Indonesia',
  'Maju',
  'Pajak',
  'Kita',
  'Untuk',
  'Cek',
  'Fakta',
  'Pemilu',
  'Damai',
  'APBN',
  'Banjir',
  'Jakarta',
];
const TAG_JOINERS = ['', '', '-', '_', "'s ", "'"];
const TRAILING = ['', '', '', '.', ',', '!', '?', ':', '…', ')', '."', "'"];
const BEFORE = [' ', ' ', ' ', '\u00A0', '\n', ' ('];
const HOSTS = ['kemenkeu.go.id', 'www.bps.go.id', 'komdigi.go.id', 'jatengprov.go.id', 'contoh.jp', 'bsky.app', 'example.com', 'jdih.kemenkeu.go.id'];
const PATH_SEGMENTS = ['berita', 'siaran-pers', '2025', 'agenda', 'パス', 'berita_terkini', 'detail', 'index.html', 'ビル', 'peraturan'];
const HANDLES = ['kominfo.bsky.social', 'humas.jatengprov.go.id', 'bps.bsky.social', 'pemkot-solo.bsky.social', 'kemenkeu.go.id'];
const FEDIVERSE = ['@humas@mastodon.social', '@bps@sosial.go.id', '@kominfo@mastodon.id'];

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);

const hashtag = fc.tuple(fc.array(fc.tuple(pick(TAG_WORDS), pick(TAG_JOINERS)), { minLength: 1, maxLength: 3 }), fc.constantFrom('', '', '2025', '80')).map(
  ([parts, digits]) =>
    `#${parts
      .map(([word, joiner]) => word + joiner)
      .join('')
      .trim()}${digits}`,
);

const url = fc
  .tuple(
    fc.constantFrom('https://', 'https://', 'http://', ''),
    pick(HOSTS),
    fc.array(pick(PATH_SEGMENTS), { maxLength: 4 }),
    fc.constantFrom('', '', '?id=123', '?utm=x&hal=2', '#bagian'),
  )
  .map(([protocol, host, path, query]) => `${protocol}${host}${path.length ? `/${path.join('/')}` : ''}${query}`);

const handle = pick(HANDLES).map((name) => `@${name}`);

const piece = fc.oneof(
  { weight: 30, arbitrary: pick(WORDS) },
  { weight: 4, arbitrary: hashtag },
  { weight: 4, arbitrary: url },
  { weight: 3, arbitrary: handle },
  { weight: 1, arbitrary: pick(FEDIVERSE) },
  { weight: 3, arbitrary: pick(EMOJI) },
  { weight: 1, arbitrary: fc.constantFrom('$BBRI', '$TLKM', '#2024', '#1abc', 'surat@kemenkeu.go.id') },
);

/** The emoji above that twitter-text 3.1 weighs per code point although X counts every emoji 2. */
export const NEWER_EMOJI = ['🧑‍🔧', '🐦‍🔥', '❤️‍🔥', '🙂‍↔️', '🫱🏻‍🫲🏼'];

/** One post: 1 to 120 pieces, each preceded by a space, NBSP, line break or "(" and maybe followed by punctuation. */
export const indonesianPost = fc.array(fc.tuple(pick(BEFORE), piece, pick(TRAILING)), { minLength: 1, maxLength: 120 }).map((pieces) =>
  pieces
    .map(([before, text, after], index) => (index === 0 ? '' : before) + text + after)
    .join('')
    .replace(/\n{3,}/g, '\n\n'),
);

/** `count` posts from a fixed seed, so a failure names the text that broke and reruns the same. */
export function samplePosts(count: number, seed = 22): string[] {
  return fc.sample(indonesianPost, { numRuns: count, seed });
}

// A long unbroken run glued to an entity by a non-breaking space (or nothing), so the splitter has
// to cut inside the "word" and must step around the entity.
const glued = fc
  .tuple(fc.integer({ min: 40, max: 400 }), fc.constantFrom('\u00A0', '\u00A0', '/', '—'), fc.oneof(handle, hashtag, url, pick(FEDIVERSE)))
  .map(([length, joiner, entity]) => `${'kata'.repeat(Math.ceil(length / 4)).slice(0, length)}${joiner}${entity}`);

/** A thread-sized post (30 to 150 pieces), with glued runs that force cuts inside a word. */
export const longIndonesianPost = fc
  .array(fc.tuple(pick(BEFORE), fc.oneof({ weight: 12, arbitrary: piece }, { weight: 1, arbitrary: glued }), pick(TRAILING)), { minLength: 30, maxLength: 150 })
  .map((pieces) =>
    pieces
      .map(([before, text, after], index) => (index === 0 ? '' : before) + text + after)
      .join('')
      .replace(/\n{3,}/g, '\n\n'),
  );
