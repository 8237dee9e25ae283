import { describe, expect, it } from 'vitest';
import { ContentError, TransientError } from '../../../utils/errors';
import { pause, waitForContainer, type ContainerVerdict } from '../../../utils/networks/container-poll';

// The container loop Instagram and Threads share. Statuses as Meta documents them: Instagram's
// status_code IN_PROGRESS → FINISHED | ERROR | EXPIRED | PUBLISHED (…/reference/ig-container), Threads'
// status IN_PROGRESS → FINISHED | ERROR | EXPIRED (developers.facebook.com/docs/threads/troubleshooting).

const judge = (status: string): ContainerVerdict =>
  status === 'FINISHED'
    ? { ready: true }
    : status === 'ERROR'
      ? { fail: new ContentError('image', 'UNKNOWN') }
      : status === 'EXPIRED'
        ? { fail: new TransientError('container EXPIRED') }
        : { wait: true };

function statuses(sequence: string[]) {
  let reads = 0;
  return {
    read: async () => sequence[Math.min(reads++, sequence.length - 1)]!,
    get reads() {
      return reads;
    },
  };
}

const fast = { tries: 4, delayMs: () => 0, stillWaiting: 'still processing' };
const signal = () => AbortSignal.timeout(5_000);

describe('waitForContainer', () => {
  it.each([
    ['FINISHED at once', ['FINISHED'], 1],
    ['IN_PROGRESS twice, then FINISHED', ['IN_PROGRESS', 'IN_PROGRESS', 'FINISHED'], 3],
    ['FINISHED on the last allowed read', ['IN_PROGRESS', 'IN_PROGRESS', 'IN_PROGRESS', 'FINISHED'], 4],
  ])('resolves when %s', async (_name, sequence, reads) => {
    const source = statuses(sequence);
    await expect(waitForContainer(source.read, judge, fast, signal())).resolves.toBeUndefined();
    expect(source.reads).toBe(reads);
  });

  it.each([
    ['ERROR', ['IN_PROGRESS', 'ERROR'], ContentError],
    ['EXPIRED', ['EXPIRED'], TransientError],
  ])("throws the network's error for %s without reading again", async (_name, sequence, type) => {
    const source = statuses(sequence);
    await expect(waitForContainer(source.read, judge, fast, signal())).rejects.toBeInstanceOf(type);
    expect(source.reads).toBe(sequence.length);
  });

  it('gives up after `tries` reads still in progress with a TransientError, so the delivery is retried', async () => {
    const source = statuses(['IN_PROGRESS']);
    await expect(waitForContainer(source.read, judge, fast, signal())).rejects.toEqual(new TransientError('still processing'));
    expect(source.reads).toBe(4);
  });

  it('pauses delayMs(attempt) between reads, in order', async () => {
    const asked: number[] = [];
    const source = statuses(['IN_PROGRESS', 'IN_PROGRESS', 'FINISHED']);
    await waitForContainer(
      source.read,
      judge,
      {
        ...fast,
        delayMs: (attempt) => {
          asked.push(attempt);
          return 1;
        },
      },
      signal(),
    );
    expect(asked).toEqual([0, 1]);
  });

  it('an abort during a pause ends the wait with a TransientError', async () => {
    const controller = new AbortController();
    const waiting = waitForContainer(statuses(['IN_PROGRESS']).read, judge, { ...fast, delayMs: () => 60_000 }, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toEqual(new TransientError('timeout'));
  });

  it('an already aborted signal does not pause at all', async () => {
    await expect(pause(60_000, AbortSignal.abort())).rejects.toBeInstanceOf(TransientError);
  });

  it('a failing read propagates unchanged', async () => {
    const refused = new ContentError('response', 'bad');
    await expect(
      waitForContainer(
        async () => {
          throw refused;
        },
        judge,
        fast,
        signal(),
      ),
    ).rejects.toBe(refused);
  });
});
