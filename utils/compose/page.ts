import { z } from 'zod';
import { chooseLink } from './canonical';
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
  /** The page's own canonical/og:url when Siar refused it for the tab's address (shown as a notice). */
  ignoredLink?: string;
  /** Set when the composer answers a mention ("Tanggapi") instead of sharing a page. */
  respond?: RespondInfo;
}

/**
 * Runs inside the shared page through scripting.executeScript, so it must not use anything from
 * outside its own body. Everything it returns is page-controlled and validated by `pageFromCapture`.
 */
export function capturePageInPage() {
  const content = (selector: string) => document.querySelector(selector)?.getAttribute('content') ?? undefined;
  // Only the head's: a canonical in the body may come from a comment or an embedded widget.
  const canonical = document.head?.querySelector('link[rel~="canonical"]')?.getAttribute('href') ?? undefined;
  return {
    url: location.href,
    title: document.title,
    canonical,
    ogUrl: document.head?.querySelector('meta[property="og:url"]')?.getAttribute('content') ?? undefined,
    ogTitle: content('meta[property="og:title"]') ?? content('meta[name="twitter:title"]'),
    ogDescription: content('meta[property="og:description"]') ?? content('meta[name="description"]'),
    ogImage: content('meta[property="og:image"]') ?? content('meta[name="twitter:image"]'),
    selection: String(getSelection() ?? ''),
    lang: document.documentElement.lang || undefined,
  };
}

const capped = (max: number) =>
  z
    .string()
    .transform((value) => value.slice(0, max))
    .optional()
    .catch(undefined);
const captureSchema = z.object({
  url: capped(4000),
  title: capped(1000),
  canonical: capped(4000),
  ogUrl: capped(4000),
  ogTitle: capped(1000),
  ogDescription: capped(5000),
  ogImage: capped(4000),
  selection: capped(10_000),
  lang: capped(35),
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

/** The shared link (canonical, then og:url, when on the tab's own site; else the tab URL) without tracking parameters. */
export function pageFromCapture(raw: unknown, tab: { url?: string; title?: string; id?: number }): PageInfo {
  const parsed = captureSchema.safeParse(raw);
  if (!parsed.success) return pageFromTab(tab);
  const page = parsed.data;
  const base = webUrl(page.url) ?? webUrl(tab.url);
  const link = chooseLink(base ?? tab.url, [page.canonical, page.ogUrl]);
  return {
    url: stripTracking(link.url),
    ...(link.ignored ? { ignoredLink: link.ignored } : {}),
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
    url: url ? stripTracking(chooseLink(url, []).url) : (tab.url ?? ''),
    title: tidy(tab.title),
    description: '',
    selection: '',
    limited: true,
    tabId: tab.id,
  };
}

/** What a context-menu click adds to the page (utils/compose/window.ts QuoteRequest). */
export interface QuoteClick {
  selection: string;
  linkUrl?: string;
  imageUrl?: string;
  pageTitle: string;
  respond?: RespondInfo;
}

/**
 * The page with a context-menu quote applied: its selection, and a clicked link or image when there was
 * one. A clicked link or image is page-controlled: only http(s) is taken (no javascript:, data:, file:),
 * without userinfo (issue 13.6).
 */
export function applyQuote(page: PageInfo, quote: QuoteClick): PageInfo {
  const link = webUrl(quote.linkUrl);
  return {
    ...page,
    selection: quote.selection || page.selection,
    url: link && !quote.selection ? stripTracking(chooseLink(link, []).url) : page.url,
    imageUrl: webUrl(quote.imageUrl) ?? page.imageUrl,
    title: page.title || quote.pageTitle,
    ...(quote.respond ? { respond: quote.respond } : {}),
  };
}
