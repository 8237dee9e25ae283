import type { PageInfo } from '../../utils/compose/page';
import { t } from '../../utils/i18n';
import { Alert } from '../common/Alert';

interface Props {
  page: PageInfo;
  imageState: 'loading' | 'ok' | 'failed' | 'removed';
  onImageState(state: 'ok' | 'failed' | 'removed'): void;
  imageAlt: string;
  onImageAlt(text: string): void;
  /** The image's host when it is an intranet address the officer has not yet allowed. */
  privateImageHost?: string;
  onAllowPrivateImage(): void;
}

/** The page being shared: its image (with alt text for screen readers), title and link, as text. */
export function PagePreview({ page, imageState, onImageState, imageAlt, onImageAlt, privateImageHost, onAllowPrivateImage }: Props) {
  return (
    <section class="page-preview">
      {page.limited && <Alert tone="info">{t('composerLimitedPage')}</Alert>}
      {page.ignoredLink && (
        <Alert tone="info" testId="link-notice">
          {t('composerLinkIgnored', [page.ignoredLink, page.url])}
        </Alert>
      )}
      {!page.title && <Alert tone="warning">{t('composerNoTitle')}</Alert>}
      {privateImageHost && imageState !== 'removed' && (
        <Alert tone="warning" testId="image-private">
          <span>{t('composerImagePrivate', privateImageHost)}</span>
          <button type="button" data-testid="image-private-allow" onClick={onAllowPrivateImage}>
            {t('composerImagePrivateAllow')}
          </button>
        </Alert>
      )}
      {imageState === 'failed' && (
        <Alert tone="warning" testId="image-failed">
          {t('composerImageFailed')}
        </Alert>
      )}
      {page.imageUrl && (imageState === 'loading' || imageState === 'ok') && (
        <div class="image-row">
          <img
            src={page.imageUrl}
            alt={imageAlt}
            width={96}
            height={64}
            referrerpolicy="no-referrer"
            onLoad={() => onImageState('ok')}
            onError={() => onImageState('failed')}
          />
          <div class="image-fields">
            <input
              type="text"
              maxLength={1500}
              value={imageAlt}
              placeholder={t('composerImageAlt')}
              aria-label={t('composerImageAlt')}
              data-testid="image-alt"
              onInput={(event) => onImageAlt(event.currentTarget.value)}
            />
            <button type="button" class="link" onClick={() => onImageState('removed')}>
              {t('composerRemoveImage')}
            </button>
          </div>
        </div>
      )}
      <p class="page-title" data-testid="page-title">
        {page.title}
      </p>
      <p class="muted page-url" data-testid="page-url">
        {page.url}
      </p>
    </section>
  );
}
