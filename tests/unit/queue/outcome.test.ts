import { describe, expect, it } from 'vitest';
import type { DeliveryRow } from '../../../utils/db';
import { postOutcome } from '../../../utils/queue/outcome';

type Row = Pick<DeliveryRow, 'network' | 'state' | 'lastError'>;
const sent = (network: Row['network']): Row => ({ network, state: 'sent' });

describe('postOutcome: what the finished-post notification reports', () => {
  it('waits while any delivery is still pending or sending', () => {
    expect(postOutcome([sent('x'), { network: 'telegram', state: 'pending' }])).toBeUndefined();
    expect(postOutcome([sent('x'), { network: 'telegram', state: 'sending' }])).toBeUndefined();
    expect(postOutcome([])).toBeUndefined();
  });

  it('reports all seven sent', () => {
    const all = (['x', 'facebook', 'mastodon', 'bluesky', 'telegram', 'threads', 'linkedin'] as const).map(sent);
    expect(postOutcome(all)).toEqual({ sent: 7, total: 7, problems: [] });
  });

  it('names each network that did not take the post with its reason', () => {
    const outcome = postOutcome([
      sent('x'),
      sent('mastodon'),
      { network: 'telegram', state: 'failed', lastError: { code: 'interrupted', messageKey: 'errorTimeoutUnsure' } },
      { network: 'facebook', state: 'needs-auth', lastError: { code: 'auth', messageKey: 'errorAuth' } },
      { network: 'linkedin', state: 'failed', lastError: { code: 'content', messageKey: 'errorDuplicate' } },
      { network: 'threads', state: 'failed' },
    ]);
    expect(outcome).toEqual({
      sent: 2,
      total: 6,
      problems: [
        { network: 'telegram', messageKey: 'errorTimeoutUnsure' },
        { network: 'facebook', messageKey: 'errorAuth' },
        { network: 'linkedin', messageKey: 'errorDuplicate' },
        { network: 'threads', messageKey: 'errorInternal' },
      ],
    });
  });
});
