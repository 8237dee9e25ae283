import { useState } from 'preact/hooks';
import { withPageLink } from '../../utils/compose/page-link';
import { t } from '../../utils/i18n';

interface Props {
  /** The Instagram caption as written (its variant or the common text), before the page link is added. */
  caption: string;
  url: string;
  imageUrl?: string;
}

/**
 * Instagram has no web share link (DESIGN.md, issue 20): posting without an account means the phone
 * app, so the officer copies the caption and downloads the image here.
 */
export function InstagramShare({ caption, url, imageUrl }: Props) {
  const [copied, setCopied] = useState(false);
  const text = withPageLink('instagram', caption, url, true).text;
  return (
    <div class="instagram-share" data-testid="instagram-share">
      <p class="muted">{t('instagramNoShareLink')}</p>
      <div class="chips">
        <button type="button" class="chip" data-testid="instagram-copy" onClick={() => void navigator.clipboard.writeText(text).then(() => setCopied(true))}>
          {copied ? t('instagramCopied') : t('instagramCopyCaption')}
        </button>
        {imageUrl ? (
          <a class="chip" data-testid="instagram-download" href={imageUrl} download="siar-instagram" target="_blank" rel="noopener noreferrer">
            {t('instagramDownloadImage')}
          </a>
        ) : (
          <span class="chip disabled" data-testid="instagram-download" aria-disabled="true">
            {t('instagramDownloadImage')}
          </span>
        )}
      </div>
      {!imageUrl && <p class="muted">{t('instagramNeedsImage')}</p>}
    </div>
  );
}
