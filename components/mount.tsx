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
