import type { ComponentChildren } from 'preact';
import { t, type MessageKey } from '../../utils/i18n';

export function PageHeader({ subtitle, children }: { subtitle: MessageKey; children?: ComponentChildren }) {
  return (
    <header class="page-header">
      <img src="/icon/32.png" alt="" width={24} height={24} />
      <div>
        <h1>{t('appName')}</h1>
        <p class="muted">{t(subtitle)}</p>
      </div>
      <div class="page-header-actions">{children}</div>
    </header>
  );
}
