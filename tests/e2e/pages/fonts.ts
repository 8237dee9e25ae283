import type { Page } from 'playwright-core';

/**
 * Every element on the page that shows text of its own or is a form control, with its computed font
 * size in px, smallest first. Chromium's extension pages start from `body { font-size: 75% }`, which a
 * page must undo; this reads what the officer actually sees.
 */
export function smallestText(page: Page, limit = 5): Promise<{ tag: string; text: string; px: number }[]> {
  return page.evaluate((max) => {
    const found: { tag: string; text: string; px: number }[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden' || el.closest('svg, canvas')) continue;
      const control = /^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(el.tagName);
      const ownText = [...el.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim());
      if (!control && !ownText) continue;
      found.push({ tag: el.tagName.toLowerCase(), text: (el.textContent ?? '').trim().slice(0, 40), px: parseFloat(style.fontSize) });
    }
    return found.sort((a, b) => a.px - b.px).slice(0, max);
  }, limit);
}
