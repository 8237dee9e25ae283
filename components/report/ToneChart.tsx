import { t } from '../../utils/i18n';
import type { ToneTotals } from '../../utils/report/clipping';
import { TONE_KEYS } from '../../utils/sidepanel/labels';

const TONES = ['positive', 'neutral', 'negative'] as const;

/**
 * Tone totals as a small horizontal bar chart. SVG rather than a canvas: it prints sharp on paper and
 * scales with the page; counts are whole numbers in the UI language's format.
 */
export function ToneChart({ totals, lang }: { totals: ToneTotals; lang: string }) {
  const max = Math.max(1, ...TONES.map((tone) => totals[tone]));
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
  const rowHeight = 22;
  return (
    <svg
      class="tone-chart"
      data-testid="report-chart"
      role="img"
      aria-label={t('reportChartLabel')}
      viewBox={`0 0 320 ${TONES.length * rowHeight}`}
      width="320"
      height={TONES.length * rowHeight}
    >
      {TONES.map((tone, i) => (
        <g key={tone} transform={`translate(0 ${i * rowHeight})`} data-tone={tone}>
          <text x="0" y="15" class="tone-chart-label">
            {t(TONE_KEYS[tone])}
          </text>
          <rect x="80" y="4" height="14" width={Math.round((totals[tone] / max) * 190)} class={`tone-bar tone-bar-${tone}`} />
          <text x={86 + Math.round((totals[tone] / max) * 190)} y="15" class="tone-chart-value">
            {number.format(totals[tone])}
          </text>
        </g>
      ))}
    </svg>
  );
}
