import type { MentionRow, WatchRow } from '../../utils/db';
import { t } from '../../utils/i18n';
import { TONE_KEYS } from '../../utils/sidepanel/labels';
import { safeHttpUrl } from '../../utils/net/safe-url';
import { safeColour } from '../../utils/sidepanel/colour';
import { formatDateTime, relativeTime } from '../../utils/time';
import { Highlighted } from './Highlighted';

export const ROW_HEIGHT = 112;

export interface MentionItemProps {
  row: MentionRow;
  top: number;
  watches: ReadonlyMap<number, WatchRow>;
  outlets: number;
  terms: readonly string[];
  active: boolean;
  selected: boolean;
  now: number;
  lang: 'id' | 'en';
  timeZone: string;
  onActivate(): void;
  onSelect(on: boolean): void;
  onStar(): void;
  onArchive(): void;
  onOpened(): void;
}

/** One mention in the list: everything is rendered as text; the only link is an http(s) URL. */
export function MentionItem(p: MentionItemProps) {
  const { row } = p;
  const url = safeHttpUrl(row.url);
  const terms = [...row.keywords, ...p.terms];
  const title = <Highlighted text={row.title} terms={terms} />;
  // The full date is a tooltip, written when the pointer reaches it: building its Intl formatter (time
  // zone data) cost more than the rest of the first screen's rows together.
  const showFullTime = (event: { currentTarget: HTMLElement }) => {
    event.currentTarget.title = formatDateTime(row.publishedAt, p.timeZone, p.lang);
  };
  return (
    <article
      class={`mention-item state-${row.state}${p.active ? ' active' : ''}`}
      data-testid="mention-item"
      data-mention-id={row.id}
      style={{ transform: `translateY(${p.top}px)`, height: `${ROW_HEIGHT}px` }}
      aria-current={p.active ? 'true' : undefined}
      onClick={p.onActivate}
    >
      <div class="watch-dots">
        {row.watchIds.slice(0, 3).map((id) => {
          const watch = p.watches.get(id);
          return <span key={id} class="watch-dot" style={{ background: safeColour(watch?.colour) }} title={watch?.name} />;
        })}
      </div>
      <input
        type="checkbox"
        class="mention-select"
        aria-label={t('panelSelect')}
        checked={p.selected}
        onClick={(event) => event.stopPropagation()}
        onChange={(event) => p.onSelect(event.currentTarget.checked)}
      />
      <div class="mention-body">
        {url ? (
          <a
            class="mention-title"
            href={url}
            target="_blank"
            rel="noopener noreferrer"
            onClick={(event) => {
              event.stopPropagation();
              p.onOpened();
            }}
          >
            {title}
          </a>
        ) : (
          <span class="mention-title">
            {title} <span class="muted">({t('panelNoLink')})</span>
          </span>
        )}
        <p class="mention-meta">
          <span class="outlet">{row.outlet}</span>
          {row.author && <span> · {row.author}</span>}
          {' · '}
          <time dateTime={new Date(row.publishedAt).toISOString()} onMouseEnter={showFullTime}>
            {relativeTime(row.publishedAt, p.now, p.lang)}
          </time>
          {p.outlets > 1 && (
            <span class="story-count" data-testid="story-count">
              {' '}
              · {t('panelStoryOutlets', String(p.outlets))}
            </span>
          )}
        </p>
        <p class="mention-summary">
          <Highlighted text={row.summary} terms={terms} />
        </p>
      </div>
      <div class="mention-side">
        <span class={`tone tone-${row.tone}`} data-testid="mention-tone" title={row.toneCorrected ? t('panelToneCorrected') : t('panelToneHint')}>
          {t(TONE_KEYS[row.tone])}
          {row.toneCorrected ? ' ✓' : '?'}
        </span>
        <button
          type="button"
          class="icon"
          aria-pressed={row.starred === 1}
          aria-label={row.starred ? t('panelUnstar') : t('panelStar')}
          title={row.starred ? t('panelUnstar') : t('panelStar')}
          data-testid="mention-star"
          onClick={(event) => {
            event.stopPropagation();
            p.onStar();
          }}
        >
          {row.starred ? '★' : '☆'}
        </button>
        <button
          type="button"
          class="icon"
          aria-label={row.state === 'archived' ? t('panelUnarchive') : t('panelArchive')}
          title={row.state === 'archived' ? t('panelUnarchive') : t('panelArchive')}
          data-testid="mention-archive"
          onClick={(event) => {
            event.stopPropagation();
            p.onArchive();
          }}
        >
          {/* Not the emoji 🗄 (U+1F5C4): no stock Linux font has it and it showed as an empty box. A CSS box instead. */}
          {row.state === 'archived' ? '↩' : <span class="archive-icon" aria-hidden="true" />}
        </button>
      </div>
    </article>
  );
}
