import type { KitRow } from '../../utils/db';
import { t } from '../../utils/i18n';

/** The report's period (two dates in the officer's zone) and the campaigns to include (none: every post). */
export function ReportFilters({
  from,
  to,
  onFrom,
  onTo,
  kits,
  chosen,
  onChosen,
}: {
  from: string;
  to: string;
  onFrom(day: string): void;
  onTo(day: string): void;
  kits: KitRow[];
  chosen: string[];
  onChosen(keys: string[]): void;
}) {
  return (
    <div class="report-actions report-filters">
      <label>
        {t('disseminationFrom')}
        <input type="date" data-testid="report-from" value={from} onInput={(event) => onFrom(event.currentTarget.value)} />
      </label>
      <label>
        {t('disseminationTo')}
        <input type="date" data-testid="report-to" value={to} onInput={(event) => onTo(event.currentTarget.value)} />
      </label>
      <fieldset class="report-kits" data-testid="report-kits">
        <legend>{t('disseminationCampaigns')}</legend>
        <label>
          <input type="radio" name="scope" data-testid="report-all-posts" checked={chosen.length === 0} onChange={() => onChosen([])} />{' '}
          {t('disseminationAllPosts')}
        </label>
        {kits.map((kit) => (
          <label key={kit.key}>
            <input
              type="checkbox"
              data-testid="report-kit"
              value={kit.key}
              checked={chosen.includes(kit.key)}
              onChange={(event) => onChosen(event.currentTarget.checked ? [...chosen, kit.key] : chosen.filter((key) => key !== kit.key))}
            />{' '}
            {kit.title}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
