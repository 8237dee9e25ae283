// Known names masked before tone scoring: programmes, institutions and places name things, they do not
// judge them ("Makan Bergizi Gratis" is not praise, "Bank Mandiri" is not independence).
import { DEFAULT_ALIASES } from './aliases';

// Alias groups that are topics with a tone of their own, not names; they stay visible to the model.
const NOT_NAMES = new Set(['pungli', 'hoaks', 'jalan rusak']);

// Names the alias table does not list yet, mostly from the issue: programmes whose names contain tone
// words, banks, and the cabinet's name.
const EXTRA_NAMES = [
  'kartu indonesia sehat', 'kis', 'kartu indonesia pintar', 'kip', 'kartu prakerja', 'indonesia maju',
  'kabinet indonesia maju', 'indonesia emas', 'bank mandiri', 'bank rakyat indonesia', 'bank negara indonesia',
  'bank tabungan negara', 'bank syariah indonesia', 'koperasi desa merah putih', 'sekolah rakyat',
  'cek kesehatan gratis', 'program sembako', 'kartu sembako', 'kartu lansia', 'kartu jakarta sehat',
  'kartu jakarta pintar',
];

/** Every phrase masked by default: the alias table's names (all spellings) plus the extras above. */
export function defaultNamePhrases(): string[] {
  const fromAliases = DEFAULT_ALIASES.filter((group) => !group.some((p) => NOT_NAMES.has(p))).flat();
  return [...new Set([...fromAliases, ...EXTRA_NAMES])];
}
