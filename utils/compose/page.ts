import { z } from 'zod';
import { stripTracking } from './link';
import type { RespondInfo } from './reply';

/** What the composer knows about the page being shared. */
export interface PageInfo {
  url: string;
  title: string;
  description: string;
  imageUrl?: string;
  selection: string;
  lang?: string;
  /** True when scripts cannot run on the page (chrome://, the store, PDFs): only title and URL are known. */
  limited: boolean;
  tabId?: number;
  /** Set when the composer answers a mention ("Tanggapi") instead of sharing a page. */
  respond?: RespondInfo;
}

/**
 * Runs inside the shared page through scripting.executeScript, so it must not use anything from
 * outside its own body. Everything it returns is page-controlled and validated by `pageFromCapture`.
 */
export function capturePageInPage() {
  const content = (selector: string) => document.querySelector(selector)?.getAttribute('content') ?? undefined;
  const canonical = document.querySelector('link[rel~="canonical"]')?.getAttribute('href') ?? undefined;
  return {
    url: location.href,
    title: document.title,
    canonical,
    ogUrl: content('meta[property="og:url"]'),
    ogTitle: content('meta[property="og:title"]') ?? content('meta[name="twitter:title"]'),
    ogDescription: content('meta[property="og:description"]') ?? content('meta[name="description"]'),
    ogImage: content('meta[property="og:image"]') ?? content('meta[name="twitter:image"]'),
    selection: String(getSelection() ?? ''),
    lang: document.documentElement.lang || undefined,
  };
}

const capped = (max: number) => z.string().transform((value) => value.slice(0, max)).optional().catch(undefined);
const captureSchema = z.object({
  url: capped(4000), title: capped(1000), canonical: capped(4000), ogUrl: capped(4000), ogTitle: capped(1000),
  ogDescription: capped(5000), ogImage: capped(4000), selection: capped(10_000), lang: capped(35),
});

/** Resolves `value` against `base`; only http(s) URLs are kept (no javascript:, data:, file:). */
export function webUrl(value: string | undefined, base?: string): string | undefined {
  if (!value?.trim()) return undefined;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const tidy = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The shared link: canonical, then og:url, then the tab URL — without tracking parameters. */
export function pageFromCapture(raw: unknown, tab: { url?: string; title?: string; id?: number }): PageInfo {
  const parsed = captureSchema.safeParse(raw);
  if (!parsed.success) return pageFromTab(tab);
  const page = parsed.data;
  const base = webUrl(page.url) ?? webUrl(tab.url);
  const link = webUrl(page.canonical, base) ?? webUrl(page.ogUrl, base) ?? base ?? tab.url ?? '';
  return {
    url: stripTracking(link),
    // Not the tab title: for a page without <title> the browser shows its URL there.
    title: tidy(page.ogTitle) || tidy(page.title),
    description: tidy(page.ogDescription),
    imageUrl: webUrl(page.ogImage, base),
    selection: (page.selection ?? '').trim(),
    lang: page.lang,
    limited: false,
    tabId: tab.id,
  };
}

/** For pages where no script may run: what the tab itself tells. */
export function pageFromTab(tab: { url?: string; title?: string; id?: number }): PageInfo {
  const url = webUrl(tab.url);
  return {
    url: url ? stripTracking(url) : tab.url ?? '',
    title: tidy(tab.title), description: '', selection: '', limited: true, tabId: tab.id,
  };
}
