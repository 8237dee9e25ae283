import { describe, expect, it } from 'vitest';
import { toErrorInfo } from '../../../utils/errors';
import { createX } from '../../../utils/networks/x';
import { XBillingError, xBillingError } from '../../../utils/networks/x-billing';
import { sourceErrorKey } from '../../../utils/listen/store';
import { ACCOUNTS, post, signal, useFakes } from './harness';

// X's billing answers as X documents them: 402 when pay-per-use credits are used up; 429
// "UsageCapExceeded" (type …/problems/usage-capped, period Monthly|Daily, docs.x.com post-cap page);
// 429 with x-user-limit-24hour-remaining: 0 on POST /2/tweets (rate-limits page).

const env = useFakes();
const NOW = Date.UTC(2026, 10, 30, 1, 30);
const problem = (status: number, body: object, headers: Record<string, string> = {}) => ({
  status,
  headers: { 'content-type': 'application/problem+json', ...headers },
  body,
});

const USAGE_CAP = {
  title: 'UsageCapExceeded',
  type: 'https://api.twitter.com/2/problems/usage-capped',
  period: 'Monthly',
  scope: 'Product',
  detail: 'Usage cap exceeded: Monthly product cap',
};
const CREDITS = {
  title: 'Payment Required',
  type: 'about:blank',
  status: 402,
  detail: 'Your enrolled account does not have any credits to fulfill this request.',
};

describe('X billing answers', () => {
  it.each([
    ['402 credits depleted', 402, {}, CREDITS, 'errorXCreditsDepleted', NOW + 86_400_000],
    ['429 monthly usage cap', 429, {}, USAGE_CAP, 'errorXUsageCap', Date.UTC(2026, 11, 1)],
    ['429 daily usage cap', 429, {}, { ...USAGE_CAP, period: 'Daily' }, 'errorXUsageCap', Date.UTC(2026, 10, 31)],
    [
      '429 24-hour user limit',
      429,
      { 'x-user-limit-24hour-limit': '17', 'x-user-limit-24hour-remaining': '0', 'x-user-limit-24hour-reset': String(NOW / 1000 + 7200) },
      { title: 'Too Many Requests' },
      'errorXDailyLimit',
      NOW + 7_200_000,
    ],
  ])('%s → its own sentence, retried only when it can change', (_label, status, headers, body, key, retryAt) => {
    expect(xBillingError(status, headers, body, NOW)).toMatchObject({ messageKey: key, retryAt });
  });

  it('an ordinary 15-minute 429 is not billing', () => {
    expect(
      xBillingError(429, { 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(NOW / 1000 + 900) }, { title: 'Too Many Requests' }, NOW),
    ).toBeUndefined();
  });

  it.each([
    ['402', problem(402, CREDITS), 'errorXCreditsDepleted'],
    ['UsageCapExceeded', problem(429, USAGE_CAP), 'errorXUsageCap'],
    [
      '24-hour limit',
      problem(
        429,
        { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 },
        {
          'x-user-limit-24hour-remaining': '0',
          'x-user-limit-24hour-reset': String(Math.floor(Date.now() / 1000) + 3600),
        },
      ),
      'errorXDailyLimit',
    ],
  ])('publishing: X answering %s fails the post with %s', async (_label, response, key) => {
    env.fail('api.x.com', response, '/2/tweets');
    const error = await createX()
      .publish(post(), ACCOUNTS.x, signal())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XBillingError);
    expect(toErrorInfo(error)).toMatchObject({ code: 'rate-limit', messageKey: key });
    expect(sourceErrorKey(toErrorInfo(error))).toBe(key);
    expect(env.x.tweets).toEqual([]);
  });
});
