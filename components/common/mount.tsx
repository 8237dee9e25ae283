import { render, type ComponentChild } from 'preact';
import { t, uiLanguage, type MessageKey } from '../../utils/i18n';
import './styles.css';

/** Shared start of every extension page: language, title, and the one root component. */
export function mount(titleKey: MessageKey, root: ComponentChild) {
  document.documentElement.lang = uiLanguage();
  document.title = t(titleKey);
  const container = document.getElementById('app');
  if (container) render(root, container);
}

/**
 * Marks the moment a page's DOM holds what the officer came for (`siar-ready`, called from a layout
 * effect, before the browser paints it) and then the end of the frame that painted it (`siar-painted`).
 * `npm run bench` compares `siar-ready` with a blank page's load event, which is also taken before paint.
 */
export function markReady() {
  if (performance.getEntriesByName('siar-ready').length > 0) return;
  performance.mark('siar-ready');
  requestAnimationFrame(() => setTimeout(() => performance.mark('siar-painted'), 0));
}
