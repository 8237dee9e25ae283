import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { db } from '../utils/db';
import { t, uiLanguage } from '../utils/i18n';
import { SETTINGS, readSetting } from '../utils/settings';
import { downloadText } from '../utils/sidepanel/actions';
import { clippingCsv, clippingRows } from '../utils/sidepanel/export';
import { TONE_KEYS } from '../utils/sidepanel/labels';
import { mentionsBetween } from '../utils/sidepanel/query';
import { dateInZone, dayRange } from '../utils/sidepanel/time';
import { Alert } from './Alert';
import { markReady } from './mount';
import { useLiveQuery } from './useLiveQuery';
import './sidepanel.css';

const lang = uiLanguage();

/** "Kliping Media Harian": one day's mentions as a printable table (and CSV), oldest first. */
export function ClippingReport() {
  const params = new URLSearchParams(location.search);
  const watchParam = Number(params.get('watch'));
  const watchId = Number.isInteger(watchParam) && watchParam > 0 ? watchParam : undefined;
  const [timeZone, setTimeZone] = useState<string>();
  const [date, setDate] = useState(params.get('date') ?? '');
  const [openedAt] = useState(() => Date.now());
  useEffect(() => { void readSetting(SETTINGS.preferences).then((p) => setTimeZone(p.timeZone)); }, []);
  const day = date || (timeZone ? dateInZone(openedAt, timeZone) : '');
  const range = timeZone ? dayRange(day, timeZone) : undefined;
  const watch = useLiveQuery(async () => (watchId === undefined ? undefined : db.watches.get(watchId)), [watchId]);
  const mentions = useLiveQuery(async () => (range ? mentionsBetween(db, range.from, range.to, watchId) : []), [range?.from, range?.to, watchId]);
  const rows = useMemo(() => (timeZone && mentions.value ? clippingRows(mentions.value, timeZone, lang) : []), [mentions.value, timeZone]);
  const loaded = mentions.fresh || (timeZone !== undefined && !range);
  useLayoutEffect(() => { if (loaded) markReady(); }, [loaded]);
  const header = [t('reportTime'), t('reportOutlet'), t('reportHeadline'), t('reportTone'), t('reportLink')];

  return (
    <main class="report" data-testid="clipping-report" data-ready={loaded ? 'true' : 'false'}>
      <h1>{t('reportTitle')}</h1>
      <p class="muted">
        {range ? new Intl.DateTimeFormat(lang, { timeZone, dateStyle: 'full' }).format(range.from) : day}
        {watch.value && ` · ${watch.value.name}`}
        {range && ` · ${t('reportCount', String(rows.length))}`}
      </p>
      <div class="report-actions">
        <label>{t('reportDate')}
          <input type="date" data-testid="report-date" value={day} onInput={(event) => setDate(event.currentTarget.value)} />
        </label>
        <button type="button" class="primary" onClick={() => print()}>{t('reportPrint')}</button>
        <button type="button" data-testid="report-csv" disabled={!range}
          onClick={() => downloadText(`kliping-${day}.csv`, clippingCsv(rows, header, (tone) => t(TONE_KEYS[tone])), 'text/csv;charset=utf-8')}>
          {t('reportCsv')}
        </button>
      </div>
      {timeZone && !range && <Alert testId="report-problem">{t('reportBadDate')}</Alert>}
      {range && loaded && rows.length === 0 && <p class="empty">{t('reportEmpty')}</p>}
      {rows.length > 0 && (
        <table>
          <thead><tr><th>#</th>{header.map((h) => <th key={h}>{h}</th>)}</tr></thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i} data-testid="report-row">
                <td>{i + 1}</td><td>{row.time}</td><td>{row.outlet}</td><td>{row.headline}</td><td>{t(TONE_KEYS[row.tone])}</td>
                <td class="link">{row.link ? <a href={row.link} target="_blank" rel="noopener noreferrer">{row.link}</a> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="muted">{t('reportToneNote')}</p>
    </main>
  );
}
