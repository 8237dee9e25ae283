import { useEffect, useState } from 'preact/hooks';
import { t, uiLanguage } from '../../utils/i18n';
import type { SourceView } from '../../utils/monitor/protocol';
import { SETTINGS, readSetting, writeSetting, type SettingValue } from '../../utils/settings';
import { X_MIN_RESULTS, X_PRICING, billingMonth, xReadCost, xSearchMonthlyCeiling } from '../../utils/sources/x-cost';
import { Alert } from '../common/Alert';

type Usage = SettingValue<typeof SETTINGS.xSearchUsage>;

/** US dollars in the UI language's format; prices keep their third decimal (US$0,005). */
const usd = (value: number, digits = 2) =>
  new Intl.NumberFormat(uiLanguage() === 'id' ? 'id-ID' : 'en-US', {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);

/**
 * What X search costs under X's pay-per-use billing: this month's reads and their price, the most each X
 * search can cost in a month at its poll rate, and the officer's monthly cap (empty: no cap), which pauses
 * every X search once reached (utils/sources/x-budget.ts).
 */
export function XSearchCost({ sources }: { sources: SourceView[] }) {
  const [usage, setUsage] = useState<Usage>();
  const [month, setMonth] = useState('');
  const [cap, setCap] = useState('');
  const [status, setStatus] = useState<{ tone: 'info' | 'error'; text: string }>();
  useEffect(() => {
    setMonth(billingMonth(Date.now()));
    void readSetting(SETTINGS.xSearchUsage).then(setUsage);
    void readSetting(SETTINGS.xSearchBudget).then((b) => setCap(b.monthlyCapUsd === null ? '' : String(b.monthlyCapUsd)));
  }, [sources]);
  const searches = sources.filter((s) => s.kind === 'x');
  if (!usage || (searches.length === 0 && usage.posts === 0)) return null;
  const reads = usage.month === month ? { posts: usage.posts, users: usage.users } : { posts: 0, users: 0 };

  const save = async (event: Event) => {
    event.preventDefault();
    const text = cap.trim().replace(',', '.');
    const value = text === '' ? null : Number(text);
    if (value !== null && !(Number.isFinite(value) && value >= 0 && value <= 100_000)) {
      return setStatus({ tone: 'error', text: t('xCostCapInvalid') });
    }
    await writeSetting(SETTINGS.xSearchBudget, { monthlyCapUsd: value });
    setStatus({ tone: 'info', text: t('xCostSaved') });
  };

  return (
    <section class="x-cost" data-testid="x-cost" aria-labelledby="x-cost-title">
      <h3 id="x-cost-title">{t('xCostTitle')}</h3>
      <p class="muted">{t('xCostPrices', [usd(X_PRICING.postRead, 3), usd(X_PRICING.userRead, 3), X_PRICING.checked])}</p>
      <p data-testid="x-cost-month">{t('xCostMonth', [String(reads.posts), String(reads.users), usd(xReadCost(reads))])}</p>
      <ul class="list">
        {searches.map((source) => {
          const maxResults = typeof source.config.maxResults === 'number' ? source.config.maxResults : X_MIN_RESULTS;
          const ceiling = xSearchMonthlyCeiling(maxResults, source.intervalMin);
          return (
            <li key={source.id} data-testid="x-cost-search" data-source-id={source.id} data-ceiling-usd={ceiling.usd}>
              {t('xCostCeiling', [source.name, usd(ceiling.usd), String(source.intervalMin), String(maxResults)])}
            </li>
          );
        })}
      </ul>
      <form class="row-form" onSubmit={(event) => void save(event)}>
        <label class="field">
          <span class="field-label">{t('xCostCap')}</span>
          <input
            type="text"
            inputMode="decimal"
            data-testid="x-cost-cap"
            value={cap}
            onInput={(e) => {
              setCap(e.currentTarget.value);
              setStatus(undefined);
            }}
          />
        </label>
        <button type="submit" data-testid="x-cost-save">
          {t('xCostSave')}
        </button>
      </form>
      {status && (
        <Alert tone={status.tone} testId="x-cost-status">
          {status.text}
        </Alert>
      )}
    </section>
  );
}
