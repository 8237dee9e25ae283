import { render, type ComponentChild } from 'preact';
import { t, uiLanguage, type MessageKey } from '../utils/i18n';
import './styles.css';

/** Shared start of every extension page: language, title, and the one root component. */
export function mount(titleKey: MessageKey, root: ComponentChild) {
  document.documentElement.lang = uiLanguage();
  document.title = t(titleKey);
  const container = document.getElementById('app');
  if (container) render(root, container);
}

/** Marks the moment a page shows what the officer came for; `npm run bench` reads this mark. */
export function markReady() {
  if (performance.getEntriesByName('siar-ready').length === 0) performance.mark('siar-ready');
}
