import { z } from 'zod';
import { validate } from './http';
import { queryInputSchema, renderQuery, type QueryInput } from './query';
import { fetchFeed } from './rss';
import type { FetchResult, RawItem, Source, SourceConfig, SourceContext, SourceState } from './types';

// Google News search RSS: one feed per query, items link to news.google.com redirects, the publisher
// is in <source> and Google appends " - Publisher" to every title.

export interface GoogleNewsEdition {
  hl: string;
  gl: string;
  ceid: string;
}

/** Indonesian edition: results in Bahasa Indonesia from Indonesian outlets first. */
export const INDONESIA_EDITION: GoogleNewsEdition = { hl: 'id', gl: 'ID', ceid: 'ID:id' };

const editionPart = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$/;

export const googleNewsConfigSchema = z.object({
  query: queryInputSchema,
  hl: z.string().regex(editionPart).default(INDONESIA_EDITION.hl),
  gl: z.string().regex(editionPart).default(INDONESIA_EDITION.gl),
  ceid: z
    .string()
    .regex(/^[A-Za-z]{2,3}:[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$/)
    .default(INDONESIA_EDITION.ceid),
});
export type GoogleNewsConfig = z.infer<typeof googleNewsConfigSchema>;

/** `https://news.google.com/rss/search?q=…&hl=id&gl=ID&ceid=ID:id` for a watch query. */
export function googleNewsSearchUrl(query: QueryInput, edition: GoogleNewsEdition = INDONESIA_EDITION): string {
  const q = encodeURIComponent(renderQuery(query, 'google'));
  // ceid keeps its colon, as Google writes it; encodeURIComponent would turn it into %3A.
  const ceid = encodeURIComponent(edition.ceid).replace(/%3A/gi, ':');
  return `https://news.google.com/rss/search?q=${q}&hl=${encodeURIComponent(edition.hl)}&gl=${encodeURIComponent(edition.gl)}&ceid=${ceid}`;
}

/**
 * Google-specific clean-up of parsed items: the outlet comes from <source> (or, failing that, from the
 * title suffix), the " - Publisher" suffix is cut from the title, and a description that only repeats
 * title and publisher is dropped.
 */
export function cleanGoogleNewsItems(items: RawItem[], feedTitle: string | undefined): RawItem[] {
  return items.map((item) => {
    let { title, outlet } = item;
    const hasSource = outlet !== feedTitle;
    const dash = title.lastIndexOf(' - ');
    if (hasSource && title.endsWith(` - ${outlet}`)) {
      title = title.slice(0, -(outlet.length + 3)).trim();
    } else if (!hasSource && dash > 0) {
      outlet = title.slice(dash + 3).trim();
      title = title.slice(0, dash).trim();
    }
    const leftover = item.summary.replace(title, '').replace(outlet, '').trim();
    const summary = leftover ? item.summary : '';
    return { ...item, title, outlet, summary };
  });
}

export const googleNewsSource: Source<GoogleNewsConfig> = {
  kind: 'googlenews',
  configSchema: googleNewsConfigSchema,
  searchConfigs: ({ terms }) => [{ key: 'googlenews', config: { query: terms } }],
  async fetch(cfg: SourceConfig, state: SourceState, signal: AbortSignal, ctx?: SourceContext): Promise<FetchResult> {
    const config = validate(googleNewsConfigSchema, cfg, 'config');
    const url = googleNewsSearchUrl(config.query, config);
    const result = await fetchFeed(url, state, signal, ctx?.now ?? Date.now());
    const items = result.parsed ? cleanGoogleNewsItems(result.parsed.items, result.parsed.title) : [];
    return { items, state: result.state, ...(result.parsed?.truncated ? { truncated: true } : {}), ...(result.parsed ? {} : { unchanged: true }) };
  },
};
