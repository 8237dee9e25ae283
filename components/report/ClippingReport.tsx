import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { db } from '../../utils/db';
import { exportTable, type ExportFormat } from '../../utils/export/download';
import { t, uiLanguage } from '../../utils/i18n';
import { clippingGroups, clippingTable, toneTotals } from '../../utils/report/clipping';
import { fromLocalInput, periodFromQuery, periodQuery, toLocalInput, type Period } from '../../utils/report/period';
import { SETTINGS, readSetting, type SettingValue } from '../../utils/settings';
import { zoneLabel } from '../../utils/setup';
import { mentionsBetween } from '../../utils/sidepanel/query';
import { Alert } from '../common/Alert';
import { markReady } from '../common/mount';
import { useLiveQuery } from '../common/useLiveQuery';
import { ClippingGroups } from './ClippingGroups';
import { ToneChart } from './ToneChart';
import '../sidepanel/sidepanel.css';
import './report.css';

const lang = uiLanguage();

interface Context {
  timeZone: string;
  csvSeparator: SettingValue<typeof SETTINGS.preferences>['csvSeparator'];
  profile: SettingValue<typeof SETTINGS.profile>;
}

/**
 * "Kliping Media Harian": the mentions of a period (default the last 24 hours) grouped by watch and
 * story, with the agency, the preparer and the period in the header, tone totals and a chart, an
 * excerpt per item; printable on A4 (report.css) and exportable as CSV or XLSX. The period and watch
 * stay in the URL.
 */
export function ClippingReport() {
  const [context, setContext] = useState<Context>();
  const [openedAt] = useState(() => Date.now());
  const [period, setPeriod] = useState<Period>();
  const [problem, setProblem] = useState<'period' | 'export'>();
  const query = new URLSearchParams(location.search);
  const watchParam = Number(query.get('watch'));
  const watchId = Number.isInteger(watchParam) && watchParam > 0 ? watchParam : undefined;

  useEffect(() => {
    void Promise.all([readSetting(SETTINGS.preferences), readSetting(SETTINGS.profile)]).then(([preferences, profile]) => {
      const asked = periodFromQuery(new URLSearchParams(location.search), preferences.timeZone, openedAt);
      setContext({ timeZone: preferences.timeZone, csvSeparator: preferences.csvSeparator, profile });
      setPeriod(asked.period);
      if (asked.problem) setProblem('period');
    });
  }, [openedAt]);

  const choose = (next: Period) => {
    if (!context) return;
    setPeriod(next);
    setProblem(undefined);
    history.replaceState(null, '', periodQuery(next, context.timeZone, watchId));
  };
  const edit = (end: 'from' | 'to', value: string) => {
    if (!context || !period) return;
    const at = fromLocalInput(value, context.timeZone);
    if (at === undefined) return;
    const next = { ...period, [end]: at };
    if (next.from < next.to) choose(next);
    else setProblem('period');
  };

  const watches = useLiveQuery(() => db.watches.toArray(), []);
  const mentions = useLiveQuery(async () => (period ? mentionsBetween(db, period.from, period.to, watchId) : []), [period?.from, period?.to, watchId]);
  const shown = useMemo(
    () => (watchId === undefined ? (watches.value ?? []) : (watches.value ?? []).filter((w) => w.id === watchId)),
    [watches.value, watchId],
  );
  const groups = useMemo(() => clippingGroups(mentions.value ?? [], shown, t('reportOtherGroup')), [mentions.value, shown]);
  const totals = toneTotals(groups);
  const loaded = Boolean(period) && mentions.fresh && watches.value !== undefined;
  useLayoutEffect(() => {
    if (loaded) markReady();
  }, [loaded]);

  const timeZone = context?.timeZone ?? 'Asia/Jakarta';
  const zone = zoneLabel(timeZone);
  const time = new Intl.DateTimeFormat(lang, { timeZone, dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' });
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
  const total = totals.positive + totals.neutral + totals.negative;
  const download = async (format: ExportFormat) => {
    if (!context || !period) return;
    try {
      setProblem(undefined);
      const name = `kliping-${toLocalInput(period.from, timeZone).replace(':', '')}_${toLocalInput(period.to, timeZone).replace(':', '')}`;
      await exportTable(clippingTable(groups, timeZone, zone, t), format, name, context.csvSeparator);
    } catch {
      setProblem('export');
    }
  };

  return (
    <main class="report" data-testid="clipping-report" data-ready={loaded ? 'true' : 'false'}>
      <header class="report-head">
        <h1>{t('reportTitle')}</h1>
        <dl class="report-meta" data-testid="report-meta">
          <dt>{t('reportAgency')}</dt>
          <dd data-testid="report-agency">{context?.profile.unit || t('reportNotSet')}</dd>
          <dt>{t('reportPreparer')}</dt>
          <dd data-testid="report-preparer">{context?.profile.name || t('reportNotSet')}</dd>
          <dt>{t('reportPeriod')}</dt>
          <dd data-testid="report-period">
            {period && `${time.format(period.from)} – ${time.format(period.to)} ${zone}`}
            {shown.length === 1 && watchId !== undefined && ` · ${shown[0]!.name}`}
          </dd>
          <dt>{t('reportGenerated')}</dt>
          <dd>{`${time.format(openedAt)} ${zone}`}</dd>
        </dl>
      </header>
      <div class="report-actions no-print">
        <label>
          {t('reportFrom')}
          <input
            type="datetime-local"
            data-testid="report-from"
            value={period ? toLocalInput(period.from, timeZone) : ''}
            onChange={(event) => edit('from', event.currentTarget.value)}
          />
        </label>
        <label>
          {t('reportTo')}
          <input
            type="datetime-local"
            data-testid="report-to"
            value={period ? toLocalInput(period.to, timeZone) : ''}
            onChange={(event) => edit('to', event.currentTarget.value)}
          />
        </label>
        <button
          type="button"
          data-testid="report-last-24h"
          onClick={() => {
            const now = Date.now();
            choose({ from: now - 86_400_000, to: now });
          }}
        >
          {t('reportLast24h')}
        </button>
        <button type="button" class="primary" data-testid="report-print" onClick={() => print()}>
          {t('reportPrint')}
        </button>
        <button type="button" data-testid="report-export-csv" disabled={!loaded} onClick={() => void download('csv')}>
          {t('reportCsv')}
        </button>
        <button type="button" data-testid="report-export-xlsx" disabled={!loaded} onClick={() => void download('xlsx')}>
          {t('reportXlsx')}
        </button>
      </div>
      {problem === 'period' && <Alert testId="report-problem">{t('reportBadPeriod')}</Alert>}
      {problem === 'export' && <Alert testId="report-problem">{t('panelExportFailed')}</Alert>}
      {loaded && (
        <section class="report-summary" aria-labelledby="report-summary-text">
          <p id="report-summary-text" data-testid="report-summary-text">
            {t('reportSummary', [number.format(total), number.format(totals.positive), number.format(totals.neutral), number.format(totals.negative)])}
          </p>
          <ToneChart totals={totals} lang={lang} />
        </section>
      )}
      {loaded && total === 0 && <p class="empty">{t('reportEmpty')}</p>}
      <ClippingGroups groups={groups} time={time} lang={lang} />
      <p class="muted">{t('reportToneNote')}</p>
    </main>
  );
}
