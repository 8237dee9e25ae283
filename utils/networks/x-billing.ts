import { RateLimitError } from '../errors';
import type { MessageKey } from '../i18n';

// X's billing answers, each with its own sentence and the time it can change — never the generic
// "rate limited" retried at every 15-minute window reset, which only burns requests and the officer's
// patience. Sources: docs.x.com/x-api/fundamentals/rate-limits (x-user-limit-24hour-* headers on
// POST /2/tweets), docs.x.com/x-api/fundamentals/post-cap ("UsageCapExceeded", period Monthly|Daily),
// docs.x.com/x-api/getting-started/pricing (pay-per-use credits: 402 once they are used up).

/** A rate limit that is really a billing or daily limit: its own sentence, and a retry only when it can change. */
export class XBillingError extends RateLimitError {
  override readonly messageKey: MessageKey;
  constructor(messageKey: MessageKey, retryAt: number, detail?: string) {
    super(retryAt, detail);
    this.messageKey = messageKey;
  }
}

/** How long to wait before asking again once credits ran out: the officer has to top up first. */
const CREDITS_RECHECK_MS = 24 * 60 * 60_000;

const header = (headers: Headers | Record<string, string | undefined>, name: string) =>
  (headers instanceof Headers ? headers.get(name) : headers[name]) ?? undefined;

/** Midnight UTC at the start of the next day or month: when X resets a Daily or Monthly cap. */
function nextPeriod(now: number, period: string | undefined): number {
  const date = new Date(now);
  if (period?.toLowerCase() === 'daily') return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}

/**
 * The billing meaning of an X error answer, or undefined when it is an ordinary one:
 * 402 → credits depleted (check again in a day); 429 `UsageCapExceeded` → the Daily/Monthly cap (next
 * period); 429 with `x-user-limit-24hour-remaining: 0` → the account's 24-hour post limit (its reset).
 */
export function xBillingError(
  status: number,
  headers: Headers | Record<string, string | undefined>,
  body: unknown,
  now = Date.now(),
): XBillingError | undefined {
  const problem = (typeof body === 'object' && body !== null ? body : {}) as { title?: string; type?: string; period?: string; detail?: string };
  if (status === 402) return new XBillingError('errorXCreditsDepleted', now + CREDITS_RECHECK_MS, problem.detail ?? 'X API credits depleted');
  if (status !== 429) return undefined;
  if (problem.title === 'UsageCapExceeded' || /usage-capped/.test(problem.type ?? '')) {
    return new XBillingError('errorXUsageCap', nextPeriod(now, problem.period), problem.detail ?? 'X usage cap exceeded');
  }
  if (header(headers, 'x-user-limit-24hour-remaining') === '0') {
    const reset = Number(header(headers, 'x-user-limit-24hour-reset'));
    return new XBillingError(
      'errorXDailyLimit',
      Number.isFinite(reset) && reset > 1e9 ? reset * 1000 : now + CREDITS_RECHECK_MS,
      'X 24-hour post limit reached',
    );
  }
  return undefined;
}
