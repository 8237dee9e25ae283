import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { chatSummary, formatDelay, type DisseminationReport as Report } from '../../utils/campaigns/report';
import { loadReport } from '../../utils/campaigns/report-data';
import { reportExportTable, reportTable, type ReportLabels } from '../../utils/campaigns/report-export';
import { exportTable, type ExportFormat } from '../../utils/export/download';
import { db, type DeliveryState, type KitRow } from '../../utils/db';
import { t, uiLanguage, type MessageKey } from '../../utils/i18n';
import { networkNameKey } from '../../utils/networks/names';
import { SETTINGS, readSetting, type SettingValue } from '../../utils/settings';
import { safeHttpUrl } from '../../utils/net/safe-url';
import { dateInZone, dayRange } from '../../utils/time';
import { Alert } from '../common/Alert';
import { markReady } from '../common/mount';
import { ReportFilters } from './ReportFilters';
import '../sidepanel/sidepanel.css';
import './dissemination.css';

const lang = uiLanguage() === 'en' ? 'en' : 'id';
const STATE_KEYS: Record<DeliveryState, MessageKey> = {
  pending: 'statePending',
  sending: 'stateSending',
  sent: 'stateSent',
  failed: 'stateFailed',
  'needs-auth': 'stateNeedsAuth',
};

/**
 * "Laporan Diseminasi" (issue 19.4–5): for a period and chosen campaigns (or every post), where each kit
 * went, when, with links, the delay from the kit's publication to the first share, totals; printable on
 * A4 with the agency header and the preparer, exported as CSV/XLSX, and summarised for a chat message.
 * `?from=YYYY-MM-DD&to=YYYY-MM-DD&kits=key,key` preset the filters.
 */
export function DisseminationReport() {
  const params = new URLSearchParams(location.search);
  const [timeZone, setTimeZone] = useState<string>();
  const [separator, setSeparator] = useState<';' | ','>(';');
  const [exportFailed, setExportFailed] = useState(false);
  const [profile, setProfile] = useState<SettingValue<typeof SETTINGS.profile>>();
  const [openedAt] = useState(() => Date.now());
  const [from, setFrom] = useState(params.get('from') ?? '');
  const [to, setTo] = useState(params.get('to') ?? '');
  const [chosen, setChosen] = useState<string[]>(() => params.get('kits')?.split(',').filter(Boolean) ?? []);
  const [data, setData] = useState<{ report: Report; kits: KitRow[] }>();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    void readSetting(SETTINGS.preferences).then((p) => {
      setTimeZone(p.timeZone);
      if (p.csvSeparator) setSeparator(p.csvSeparator);
    });
    void readSetting(SETTINGS.profile).then(setProfile);
  }, []);
  const today = timeZone ? dateInZone(openedAt, timeZone) : '';
  const fromDay = from || today.slice(0, 8) + '01';
  const toDay = to || today;
  const start = timeZone ? dayRange(fromDay, timeZone) : undefined;
  const end = timeZone ? dayRange(toDay, timeZone) : undefined;
  const range = start && end && start.from < end.to ? { from: start.from, to: end.to } : undefined;
  const chosenKey = chosen.join(',');
  const rangeFrom = range?.from,
    rangeTo = range?.to;
  useEffect(() => {
    if (rangeFrom === undefined || rangeTo === undefined) return;
    const kitKeys = chosenKey ? chosenKey.split(',') : undefined;
    void loadReport(db, { from: rangeFrom, to: rangeTo, ...(kitKeys ? { kitKeys } : {}) }).then(setData);
  }, [rangeFrom, rangeTo, chosenKey]);
  const loaded = data !== undefined || (timeZone !== undefined && !range);
  useLayoutEffect(() => {
    if (loaded) markReady();
  }, [loaded]);

  const networkName = (id: Parameters<typeof networkNameKey>[0]) => t(networkNameKey(id));
  const labels: ReportLabels = {
    lang,
    timeZone: timeZone ?? 'Asia/Jakarta',
    networkName,
    stateName: (state) => t(STATE_KEYS[state as DeliveryState]),
    otherPosts: t('disseminationOtherPosts'),
    header: [t('disseminationCampaign'), t('disseminationNetwork'), t('disseminationTime'), t('reportLink'), t('disseminationStatus'), t('disseminationDelay')],
  };
  // A few hundred rows at most a month: built at each render, no memo needed.
  const rows = data ? reportTable(data.report, labels) : [];
  const summary = data ? chatSummary(data.report, lang, networkName) : '';
  const fileBase = `diseminasi-${fromDay}-${toDay}`;
  const download = (format: ExportFormat) => {
    setExportFailed(false);
    void exportTable(reportExportTable(rows, labels, t('disseminationTitle')), format, fileBase, separator).catch(() => setExportFailed(true));
  };
  const period = range
    ? `${new Intl.DateTimeFormat(lang, { timeZone, dateStyle: 'long' }).format(range.from)} – ${new Intl.DateTimeFormat(lang, { timeZone, dateStyle: 'long' }).format(range.to - 1)}`
    : '';
  const totals = data?.report.totals;

  return (
    <main class="report dissemination" data-testid="dissemination-report" data-ready={loaded ? 'true' : 'false'}>
      <header class="report-letterhead" data-testid="report-header">
        {profile?.unit && (
          <p class="agency" data-testid="report-agency">
            {profile.unit}
          </p>
        )}
        <h1>{t('disseminationTitle')}</h1>
        <p class="muted" data-testid="report-period">
          {period}
        </p>
      </header>
      <ReportFilters from={fromDay} to={toDay} onFrom={setFrom} onTo={setTo} kits={data?.kits ?? []} chosen={chosen} onChosen={setChosen} />
      <div class="report-actions">
        <button type="button" class="primary" data-testid="report-print" onClick={() => print()}>
          {t('reportPrint')}
        </button>
        <button type="button" data-testid="report-export-csv" disabled={!data} onClick={() => download('csv')}>
          {t('reportCsv')}
        </button>
        <button type="button" data-testid="report-export-xlsx" disabled={!data} onClick={() => download('xlsx')}>
          {t('disseminationXlsx')}
        </button>
      </div>
      {exportFailed && <Alert testId="report-export-problem">{t('errorInternal')}</Alert>}
      {timeZone && !range && <Alert testId="report-problem">{t('reportBadDate')}</Alert>}
      {data && rows.length === 0 && (
        <p class="empty" data-testid="report-empty">
          {t('disseminationEmpty')}
        </p>
      )}
      {data &&
        data.report.groups.map((group) => (
          <section key={group.kit?.id ?? 'other'} class="report-group" data-testid="report-group" data-kit-id={group.kit?.id ?? ''}>
            <h2>{group.kit ? group.kit.title : t('disseminationOtherPosts')}</h2>
            <p class="muted" data-testid="report-group-stats">
              {t('disseminationChannels', [String(group.networksSent.length), String(Math.max(group.networksTried.length, group.networksSent.length))])}
              {group.delayMs !== undefined && ` · ${t('disseminationFirstShare', formatDelay(group.delayMs, lang))}`}
              {group.kit && group.rows.length === 0 && ` · ${t('kitNotShared')}`}
            </p>
          </section>
        ))}
      {rows.length > 0 && (
        <table data-testid="report-table">
          <thead>
            <tr>
              <th>#</th>
              {labels.header.map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i} data-testid="report-row">
                <td>{i + 1}</td>
                <td>{row.campaign}</td>
                <td>{row.network}</td>
                <td data-testid="report-row-time">{row.time || '—'}</td>
                <td class="link">
                  {safeHttpUrl(row.link) ? (
                    <a href={safeHttpUrl(row.link)} target="_blank" rel="noopener noreferrer">
                      {row.link}
                    </a>
                  ) : (
                    '—'
                  )}
                </td>
                <td>{row.status}</td>
                <td>{row.delay || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {totals && (
        <p data-testid="report-totals">
          {t('disseminationTotals', [String(totals.posts), String(totals.sent), String(totals.failed), String(totals.waiting)])}
          {totals.medianDelayMs !== undefined && ` · ${t('disseminationMedianDelay', formatDelay(totals.medianDelayMs, lang))}`}
        </p>
      )}
      <section class="no-print dissemination-summary">
        <h2>{t('disseminationSummary')}</h2>
        <textarea readOnly rows={6} data-testid="report-summary-text" value={summary} />
        <button
          type="button"
          data-testid="report-summary-copy"
          disabled={!summary}
          onClick={() => void navigator.clipboard.writeText(summary).then(() => setCopied(true))}
        >
          {t('disseminationCopy')}
        </button>
        {copied && (
          <span role="status" class="muted">
            {' '}
            {t('disseminationCopied')}
          </span>
        )}
      </section>
      <footer class="report-signature" data-testid="report-preparer">
        <p>{t('disseminationPrepared', new Intl.DateTimeFormat(lang, { timeZone, dateStyle: 'long' }).format(openedAt))}</p>
        <p class="preparer-name">{profile?.name || '……………………'}</p>
        {profile?.unit && <p class="muted">{profile.unit}</p>}
      </footer>
    </main>
  );
}
