import { useCallback, useEffect, useState } from 'preact/hooks';
import { epochToZonedInput, formatZoned, zonedTimeToEpoch, zoneLabel } from '../../utils/compose/schedule';
import { networkNameKey } from '../../utils/networks/names';
import { t, uiLanguage } from '../../utils/i18n';
import { send } from './messages';
import type { ScheduledView } from '../../utils/queue/protocol';
import { Alert } from '../common/Alert';

function ScheduledItem({ post, timeZone, onChanged }: { post: ScheduledView; timeZone: string; onChanged(): void }) {
  const [value, setValue] = useState(epochToZonedInput(post.scheduledAt, timeZone));
  const [problem, setProblem] = useState<string>();
  const move = async () => {
    const at = zonedTimeToEpoch(value, timeZone);
    if (!at || at <= Date.now()) return setProblem(t('composerSchedulePast'));
    setProblem(undefined);
    const { ok } = await send('scheduledMove', { postId: post.postId, at });
    if (!ok) setProblem(t('scheduledGone'));
    onChanged();
  };
  const cancel = async () => {
    await send('scheduledCancel', { postId: post.postId });
    onChanged();
  };
  return (
    <li class="scheduled-item" data-testid="scheduled-item" data-post-id={post.postId}>
      <p class="scheduled-when">
        <strong data-testid="scheduled-time">
          {formatZoned(post.scheduledAt, timeZone, uiLanguage())} {zoneLabel(timeZone)}
        </strong>
        {' · '}
        {post.networks.map((n) => t(networkNameKey(n))).join(', ')}
      </p>
      <p class="scheduled-text">{post.text}</p>
      <div class="row-actions">
        <input
          type="datetime-local"
          aria-label={t('scheduledNewTime')}
          data-testid="scheduled-time-input"
          value={value}
          onInput={(event) => setValue(event.currentTarget.value)}
        />
        <button type="button" data-testid="scheduled-move" onClick={() => void move()}>
          {t('scheduledMove')}
        </button>
        <button type="button" data-testid="scheduled-cancel" onClick={() => void cancel()}>
          {t('scheduledCancel')}
        </button>
      </div>
      {problem && <Alert>{problem}</Alert>}
    </li>
  );
}

/** Posts waiting for their time: time, networks and text; move the time or cancel. Hidden when none wait. */
export function ScheduledList({ timeZone, refreshKey }: { timeZone: string; refreshKey: unknown }) {
  const [posts, setPosts] = useState<ScheduledView[]>([]);
  const load = useCallback(() => {
    void send('scheduledList', {}).then(
      (r) => setPosts(r.posts),
      () => setPosts([]),
    );
  }, []);
  useEffect(load, [load, refreshKey]);
  if (posts.length === 0) return null;
  return (
    <details class="scheduled" data-testid="scheduled-list">
      <summary>{t('scheduledTitle', String(posts.length))}</summary>
      <ul class="list">
        {posts.map((post) => (
          <ScheduledItem key={`${post.postId}:${post.scheduledAt}`} post={post} timeZone={timeZone} onChanged={load} />
        ))}
      </ul>
    </details>
  );
}
