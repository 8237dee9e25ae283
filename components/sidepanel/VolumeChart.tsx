import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type uPlot from 'uplot';
import { t } from '../../utils/i18n';
import { volumePoints } from '../../utils/sidepanel/query';
import { WHOLE_INCREMENTS, chartFormats } from '../../utils/sidepanel/chart-format';
import { formatDateTime } from '../../utils/time';
import { HISTORY_MS, volumeRange, volumeSeries } from '../../utils/sidepanel/volume';
import { Alert } from '../common/Alert';
import { useLiveQuery } from '../common/useLiveQuery';

const COLOURS = { positive: '#1e7a34', neutral: '#7a8688', negative: '#b3261e', total: '#0c6e78' };

/** Mentions per hour or day split by tone, with spike markers; uPlot loads only when the chart opens. */
export function VolumeChart({ watchId, lang, timeZone }: { watchId?: number; lang: 'id' | 'en'; timeZone: string }) {
  const [granularity, setGranularity] = useState<'hour' | 'day'>('hour');
  const range = useMemo(() => volumeRange(granularity, Date.now()), [granularity]);
  const points = useLiveQuery((db) => volumePoints(db, watchId, range.from - HISTORY_MS, range.to), [watchId, range]);
  const series = useMemo(() => (points.value ? volumeSeries(points.value, range) : undefined), [points.value, range]);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!series || !box.current) return undefined;
    let plot: uPlot | undefined;
    let gone = false;
    void Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([{ default: UPlot }]) => {
      if (gone || !box.current) return;
      const format = chartFormats(lang, timeZone, granularity);
      const line = (label: string, stroke: string, width = 1.5): uPlot.Series => ({
        label,
        stroke,
        width,
        points: { show: false },
        value: (_u, v) => format.count(v),
      });
      plot = new UPlot(
        {
          width: Math.max(240, box.current.clientWidth),
          height: 180,
          tzDate: (seconds) => UPlot.tzDate(new Date(seconds * 1000), timeZone),
          // Counts start at zero and step in whole numbers; labels in the UI language (issue 14.13).
          scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
          axes: [
            { space: 64, values: (_u, splits) => splits.map((s) => format.tick(s)) },
            { incrs: WHOLE_INCREMENTS, values: (_u, splits) => splits.map((s) => format.count(s)) },
          ],
          series: [
            { label: t('reportTime'), value: (_u, v) => (v === null ? '–' : format.date(v)) },
            line(t('tonePositive'), COLOURS.positive),
            line(t('toneNeutral'), COLOURS.neutral),
            line(t('toneNegative'), COLOURS.negative),
            line(t('panelTotal'), COLOURS.total, 2.5),
            // Markers only: a spike is a point on the total, never joined by a line.
            {
              label: t('panelSpike'),
              stroke: COLOURS.negative,
              paths: () => null,
              points: { show: true, size: 10, fill: COLOURS.negative },
              value: (_u, v) => format.count(v),
            },
          ],
        },
        [series.xs, series.positive, series.neutral, series.negative, series.total, series.spikes],
        box.current,
      );
    });
    return () => {
      gone = true;
      plot?.destroy();
    };
  }, [series, timeZone, lang, granularity]);

  const lastSpike = series ? series.spikes.findLastIndex((v) => v !== null) : -1;
  return (
    <div class="volume-chart" data-testid="volume-chart">
      <div class="chip-row" role="radiogroup" aria-label={t('panelChart')}>
        {(['hour', 'day'] as const).map((g) => (
          <button
            key={g}
            type="button"
            role="radio"
            aria-checked={granularity === g}
            class={granularity === g ? 'chip on' : 'chip'}
            onClick={() => setGranularity(g)}
          >
            {t(g === 'hour' ? 'panelByHour' : 'panelByDay')}
          </button>
        ))}
      </div>
      <div
        ref={box}
        class="chart-box"
        data-testid="chart-box"
        data-buckets={series?.xs.length ?? 0}
        data-spikes={series?.spikes.filter((v) => v !== null).length ?? 0}
      />
      {series && lastSpike >= 0 && (
        <Alert tone="warning" testId="spike-notice">
          {t('panelSpikeNotice', [String(series.spikes[lastSpike]), formatDateTime(series.xs[lastSpike]! * 1000, timeZone, lang)])}
        </Alert>
      )}
    </div>
  );
}
