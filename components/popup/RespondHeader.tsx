import type { RespondInfo } from '../../utils/compose/reply';
import { networkNameKey } from '../../utils/networks/names';
import { t } from '../../utils/i18n';
import { safeHttpUrl } from '../../utils/net/safe-url';

/** What a response answers: the mention's headline and outlet (as text), and where the reply goes. */
export function RespondHeader({ respond, url }: { respond: RespondInfo; url: string }) {
  const link = safeHttpUrl(url);
  return (
    <section class="respond-header" data-testid="respond-header">
      <p class="field-label">{t('composerRespondingTo')}</p>
      <p class="respond-title">
        {link ? (
          <a href={link} target="_blank" rel="noopener noreferrer">
            {respond.title}
          </a>
        ) : (
          respond.title
        )}
      </p>
      <p class="muted">{respond.outlet}</p>
      <p class="hint" data-testid="respond-hint">
        {respond.reply ? t('composerRespondReplyHint', t(networkNameKey(respond.reply.network))) : t('composerRespondNoReplyHint')}
      </p>
    </section>
  );
}
