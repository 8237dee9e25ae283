import { z } from 'zod';
import { webUrl } from '../compose/page';
import { NETWORK_IDS, type NetworkId } from '../networks/ids';

// A campaign kit ("Satu Narasi"): one narrative a coordinating office issues for every agency's Humas to
// share. The file format is documented as JSON Schema in docs/campaign-kit.schema.json; this zod schema is
// the one that decides (a test checks the two agree on the examples).

/** A kit file above this is refused outright: a year of weekly kits with long texts is ~200 KB. */
export const MAX_KIT_FILE_BYTES = 1024 * 1024;
/** Kits read from one file or feed at most (the newest by update time are kept). */
export const MAX_KITS = 500;
export const MAX_KIT_TEXT = 5000;

// Only http(s), without userinfo (`https://kominfo.go.id:x@evil.example/` is refused, as for shared links).
const httpUrl = z
  .string()
  .max(4000)
  .refine(
    (value) => {
      const url = webUrl(value);
      return url !== undefined && !new URL(url).username && !new URL(url).password;
    },
    { message: 'must be an http(s) address' },
  );
const isoTime = z.iso.datetime({ offset: true });
/** A hashtag as written in a post: letters, digits, underscore (Unicode), without the `#`. */
const hashtag = z
  .string()
  .trim()
  .transform((tag) => tag.replace(/^#/, ''))
  .pipe(z.string().regex(/^[\p{L}\p{N}_]{1,100}$/u, 'must be one word of letters, digits or _'));

/** One kit as written in a kit file (JSON Schema: docs/campaign-kit.schema.json). */
export const kitInputSchema = z
  .object({
    id: z.string().trim().min(1).max(200),
    updated: isoTime,
    title: z.string().trim().min(1).max(300),
    period: z.object({ start: isoTime, end: z.optional(isoTime) }),
    link: httpUrl,
    image: z.optional(z.object({ url: httpUrl, alt: z.string().max(1000).default('') })),
    text: z.string().trim().min(1).max(MAX_KIT_TEXT),
    variants: z.optional(z.partialRecord(z.enum(NETWORK_IDS), z.string().trim().min(1).max(MAX_KIT_TEXT))),
    hashtags: z.array(hashtag).max(30).default([]),
    mandatory: z.array(z.string().trim().min(1).max(100)).max(10).default([]),
  })
  .refine((kit) => !kit.period.end || Date.parse(kit.period.end) >= Date.parse(kit.period.start), {
    message: 'the period ends before it starts',
    path: ['period', 'end'],
  });

/** A kit as Siar keeps it: times in ms since the epoch, link checked, `source` the campaign source's id. */
export interface Kit {
  id: string;
  /** Version: a kit changes only when a newer `updatedAt` arrives (never what was already shared). */
  updatedAt: number;
  title: string;
  start: number;
  /** Undefined: no stated end (an RSS kit stays active until the officer archives it). */
  end?: number;
  link: string;
  image?: { url: string; alt: string };
  text: string;
  variants: Partial<Record<NetworkId, string>>;
  hashtags: string[];
  mandatory: string[];
}

/** The top of a kit file: `{ "siarKits": 1, "publisher": {…}, "kits": [...] }`. */
const kitFileSchema = z.object({
  siarKits: z.literal(1),
  publisher: z.optional(z.object({ name: z.string().max(300), url: z.optional(httpUrl) })),
  kits: z.array(z.unknown()),
});

/** The whole file with each kit's schema, for the published JSON Schema (docs/campaign-kit.schema.json). */
export const kitFileDocSchema = kitFileSchema.extend({ kits: z.array(kitInputSchema).max(MAX_KITS) });

/** What reading a kit file or feed gave: the kits that are valid, and one sentence per one that is not. */
export interface KitRead {
  kits: Kit[];
  /** "Kit 3 (hut-ri-81): link must be an http(s) address" — shown in the source's health. */
  problems: string[];
  publisher?: string;
}

function toKit(input: z.infer<typeof kitInputSchema>): Kit {
  return {
    id: input.id,
    updatedAt: Date.parse(input.updated),
    title: input.title,
    start: Date.parse(input.period.start),
    ...(input.period.end ? { end: Date.parse(input.period.end) } : {}),
    link: new URL(input.link.trim()).href,
    ...(input.image ? { image: { url: new URL(input.image.url.trim()).href, alt: input.image.alt } } : {}),
    text: input.text,
    variants: input.variants ?? {},
    hashtags: [...new Set(input.hashtags)],
    mandatory: input.mandatory,
  };
}

/** One line for the first issue zod found in an item: "link: must be an http(s) address". */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const where = issue.path.join('.');
  return where ? `${where}: ${issue.message}` : issue.message;
}

/**
 * Validates each kit on its own: an invalid one is skipped with one line in `problems`, the rest load.
 * Duplicated ids keep the newest `updated`. At most MAX_KITS (newest first) are kept.
 */
export function readKits(items: unknown[]): { kits: Kit[]; problems: string[] } {
  const problems: string[] = [];
  const byId = new Map<string, Kit>();
  items.forEach((item, index) => {
    const parsed = kitInputSchema.safeParse(item);
    if (!parsed.success) {
      const id = typeof (item as { id?: unknown })?.id === 'string' ? ` (${String((item as { id: string }).id).slice(0, 60)})` : '';
      problems.push(`Kit ${index + 1}${id}: ${firstIssue(parsed.error)}`);
      return;
    }
    const kit = toKit(parsed.data);
    const known = byId.get(kit.id);
    if (!known || kit.updatedAt > known.updatedAt) byId.set(kit.id, kit);
  });
  const kits = [...byId.values()].sort((a, b) => b.updatedAt - a.updatedAt);
  if (kits.length > MAX_KITS) problems.push(`${kits.length - MAX_KITS} older kits left out (at most ${MAX_KITS} are read)`);
  return { kits: kits.slice(0, MAX_KITS), problems };
}

/**
 * Reads a Siar kit file (JSON). Errors are one sentence: not JSON, not a kit file, too large.
 * @throws never; a file that cannot be read at all gives `{ kits: [], problems: [sentence] }` and `fatal`.
 */
export function parseKitFile(text: string): KitRead & { fatal?: string } {
  if (text.length > MAX_KIT_FILE_BYTES) return { kits: [], problems: [], fatal: `The kit file is larger than ${MAX_KIT_FILE_BYTES / 1024} KB.` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kits: [], problems: [], fatal: 'The kit file is not valid JSON (cut off or not a kit file).' };
  }
  const file = kitFileSchema.safeParse(json);
  if (!file.success) return { kits: [], problems: [], fatal: `This is not a Siar kit file (${firstIssue(file.error)}).` };
  return { ...readKits(file.data.kits), ...(file.data.publisher ? { publisher: file.data.publisher.name } : {}) };
}

/** Where a kit stands at `now`: not yet open, open (sharing time), or ended. */
export function kitPhase(kit: Pick<Kit, 'start' | 'end'>, now: number): 'upcoming' | 'active' | 'ended' {
  if (now < kit.start) return 'upcoming';
  return kit.end !== undefined && now > kit.end ? 'ended' : 'active';
}
