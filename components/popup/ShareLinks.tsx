import { INTENT_NAMES, intentLabel, intentUrl } from '../../utils/networks/intents';
import { t } from '../../utils/i18n';
import type { NetworkId } from '../../utils/networks/ids';

interface Props {
  text: string;
  url: string;
  title: string;
  variants: Partial<Record<NetworkId, string>>;
  mastodonInstance?: string;
}

/** Share links that need no connected account; each carries that network's text variant and the link. */
export function ShareLinks({ text, url, title, variants, mastodonInstance }: Props) {
  return (
    <section class="share-links" aria-label={t('composerShareLinks')}>
      <div class="chips">
        {INTENT_NAMES.map((name) => {
          const variant = name in variants ? variants[name as NetworkId] : undefined;
          const href = intentUrl(name, { text: variant ?? text, url, title }, { mastodonInstance });
          return href ? (
            <a key={name} class="chip" data-testid={`intent-${name}`} href={href} target="_blank" rel="noopener noreferrer">
              {t(intentLabel(name))}
            </a>
          ) : (
            <span key={name} class="chip disabled" data-testid={`intent-${name}`} title={t('intentMastodonMissing')} aria-disabled="true">
              {t(intentLabel(name))}
            </span>
          );
        })}
      </div>
      {!intentUrl('mastodon', { text, url, title }, { mastodonInstance }) && (
        <p class="muted" data-testid="intent-mastodon-reason">
          {t('intentMastodonMissing')}
        </p>
      )}
    </section>
  );
}
