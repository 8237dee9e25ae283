import { useState } from 'preact/hooks';
import type { PageInfo } from '../../utils/compose/page';
import { quoteExtent, quoteText } from '../../utils/compose/quote';
import { t } from '../../utils/i18n';
import { Alert } from '../common/Alert';

interface Props {
  page: PageInfo;
  text: string;
  /** True when the text box holds the officer's own earlier draft, not the quote. */
  draftKept: boolean;
  onText(text: string): void;
  /** Replaces the text, keeping the old one restorable. */
  onReplace(text: string): void;
}

/**
 * A selection from the page, offered beside the officer's draft instead of overwriting it (insert or
 * replace), and the quote's length told when it was shortened, with the whole selection one click away.
 */
export function QuoteOffer({ page, text, draftKept, onText, onReplace }: Props) {
  const [offered, setOffered] = useState(draftKept);
  const [full, setFull] = useState(false);
  const extent = quoteExtent(page.selection);
  const base = { selection: page.selection, title: page.title, lang: page.lang };
  const short = quoteText(base);
  const whole = quoteText({ ...base, maxGraphemes: Number.POSITIVE_INFINITY });

  const useWhole = () => {
    setFull(true);
    if (text.includes(short)) onText(text.replace(short, whole));
    else onReplace(quoteText({ ...base, url: page.url, maxGraphemes: Number.POSITIVE_INFINITY }));
  };
  const quoteNow = full ? whole : short;

  return (
    <>
      {offered ? (
        <Alert tone="info" testId="quote-offer">
          <span>{t('composerQuoteBesideDraft')}</span>
          <span class="notice-actions">
            <button
              type="button"
              data-testid="quote-insert"
              onClick={() => {
                setOffered(false);
                onText(`${quoteNow}\n\n${text}`);
              }}
            >
              {t('composerQuoteInsert')}
            </button>
            <button
              type="button"
              data-testid="quote-replace"
              onClick={() => {
                setOffered(false);
                onReplace(quoteText({ ...base, url: page.url, maxGraphemes: full ? Number.POSITIVE_INFINITY : undefined }));
              }}
            >
              {t('composerQuoteReplace')}
            </button>
          </span>
        </Alert>
      ) : (
        <Alert tone="info">{t('composerQuoteNotice')}</Alert>
      )}
      {extent.cut && !full && (
        <Alert tone="info" testId="quote-cut">
          <span>{t('composerQuoteCut', [String(extent.kept), String(extent.total)])}</span>
          <button type="button" class="link" data-testid="quote-full" onClick={useWhole}>
            {t('composerQuoteFull')}
          </button>
        </Alert>
      )}
    </>
  );
}
