import { useEffect, useState } from 'preact/hooks';
import type { MentionRow, ResponseStatus, Tone } from '../../utils/db';
import { t } from '../../utils/i18n';
import { RESPONSE_STATUSES } from '../../utils/sidepanel/keys';
import { RESPONSE_KEYS, TONE_KEYS } from '../../utils/sidepanel/labels';
import { safeHttpUrl } from '../../utils/net/safe-url';
import type { MentionPatch } from '../../utils/monitor/protocol';
import { Highlighted } from './Highlighted';

export interface MentionDetailProps {
  row: MentionRow;
  terms: readonly string[];
  onPatch(patch: MentionPatch): void;
  onRespond(): void;
  /** Closes the detail (in a narrow panel it covers the list). */
  onClose(): void;
}

/** The active mention: full summary, tone (a hint the officer may correct), response status and note. */
export function MentionDetail({ row, terms, onPatch, onRespond, onClose }: MentionDetailProps) {
  const [note, setNote] = useState(row.response.note ?? '');
  useEffect(() => setNote(row.response.note ?? ''), [row.id, row.response.note]);
  const status = row.response.status;
  return (
    <section class="mention-detail" data-testid="mention-detail" data-mention-id={row.id} aria-label={row.title}>
      <div class="detail-head">
        <p class="detail-title">{row.title}</p>
        <button type="button" data-testid="detail-close" onClick={onClose}>
          {t('panelCloseDetail')}
        </button>
      </div>
      <p class="detail-summary">
        <Highlighted text={row.summary} terms={[...row.keywords, ...terms]} />
      </p>
      <div class="detail-row">
        <label>
          {t('panelCorrectTone')}
          <select data-testid="tone-correct" value={row.tone} onChange={(event) => onPatch({ tone: event.currentTarget.value as Tone })}>
            {(Object.keys(TONE_KEYS) as Tone[]).map((tone) => (
              <option key={tone} value={tone}>
                {t(TONE_KEYS[tone])}
              </option>
            ))}
          </select>
        </label>
        <p class="muted tone-hint" data-testid="tone-hint">
          {row.toneCorrected ? t('panelToneCorrected') : t('panelToneHint')}
        </p>
        {!row.toneCorrected && row.toneWords && row.toneWords.length > 0 && (
          <p class="muted tone-why" data-testid="tone-why">
            {t('panelToneWhy', [row.toneWords.slice(0, 3).join(', ')])}
          </p>
        )}
      </div>
      <div class="detail-row">
        <label>
          {t('panelResponseLabel')}
          <select
            data-testid="response-status"
            value={status}
            onChange={(event) => onPatch({ response: { status: event.currentTarget.value as ResponseStatus, note } })}
          >
            {RESPONSE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(RESPONSE_KEYS[s])}
              </option>
            ))}
          </select>
        </label>
        <button type="button" data-testid="mention-read" onClick={() => onPatch({ state: row.state === 'unread' ? 'read' : 'unread' })}>
          {row.state === 'unread' ? t('panelMarkRead') : t('panelMarkUnread')}
        </button>
        {safeHttpUrl(row.url) && (
          <button type="button" class="primary" data-testid="mention-respond" onClick={onRespond}>
            {t('panelRespond')}
          </button>
        )}
      </div>
      <form
        class="detail-row"
        onSubmit={(event) => {
          event.preventDefault();
          onPatch({ response: { note } });
        }}
      >
        <label class="grow">
          {t('panelNoteLabel')}
          <input type="text" data-testid="response-note" maxLength={2000} value={note} onInput={(event) => setNote(event.currentTarget.value)} />
        </label>
        <button type="submit" data-testid="response-note-save">
          {t('panelSaveNote')}
        </button>
      </form>
    </section>
  );
}
