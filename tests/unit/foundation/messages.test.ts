import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { AuthError, RateLimitError } from '../../../utils/errors';
import { receive as popupReceive, send as popupSend, popupProtocol } from '../../../components/popup/messages';
import { dispatch, MessageError, protocol, send, type Handlers } from '../../../utils/messages';

const handlers = {
  ping: async () => ({ version: '9.9.9' }),
  settingsStatus: async () => ({ warnings: [] }),
  dismissSettingsWarnings: async () => ({ ok: true as const }),
  publish: async () => {
    throw new RateLimitError(1234, 'slow down');
  },
  retryDelivery: async () => {
    throw new AuthError('revoked');
  },
} as unknown as Handlers;

// fakeBrowser answers sendMessage only through sendResponse, so the worker side is attached that way.
const listen = () =>
  fakeBrowser.runtime.onMessage.addListener(((message: unknown, _sender: unknown, respond: (r: unknown) => void) => {
    void dispatch(handlers, message, {}).then(respond);
    return true;
  }) as never);

describe('dispatch (worker side)', () => {
  it.each([
    ['a non-object', 'hello', 'bad-message'],
    ['null', null, 'bad-message'],
    ['an object without type', { payload: {} }, 'bad-message'],
    ['an unknown type', { type: 'format-disk', payload: {} }, 'unknown-message'],
    ['a prototype key as type', { type: '__proto__', payload: {} }, 'unknown-message'],
    ['a payload of the wrong shape', { type: 'retryDelivery', payload: { deliveryId: 'one' } }, 'bad-message'],
    ['a publish without targets', { type: 'publish', payload: { text: 'x', variants: {}, pageUrl: '', pageTitle: '', targets: [] } }, 'bad-message'],
    [
      'a publish to an unknown network',
      { type: 'publish', payload: { text: 'x', variants: {}, pageUrl: '', pageTitle: '', targets: ['myspace'] } },
      'bad-message',
    ],
  ])('answers %s with a typed error instead of throwing', async (_label, message, code) => {
    await expect(dispatch(handlers, message, {})).resolves.toMatchObject({ ok: false, error: { code } });
  });

  it('runs the handler and validates its response', async () => {
    await expect(dispatch(handlers, { type: 'ping', payload: {} }, {})).resolves.toEqual({ ok: true, data: { version: '9.9.9' } });
  });

  it.each([
    [
      { type: 'publish', payload: { text: 'x', variants: {}, pageUrl: '', pageTitle: '', targets: ['x'] } },
      { code: 'rate-limit', retryAt: 1234, messageKey: 'errorRateLimited' },
    ],
    [
      { type: 'retryDelivery', payload: { deliveryId: 1 } },
      { code: 'auth', messageKey: 'errorAuth' },
    ],
  ])('turns a handler error into its typed form', async (message, error) => {
    await expect(dispatch(handlers, message, {})).resolves.toMatchObject({ ok: false, error });
  });

  it('never leaks an unexpected error message, only the internal code', async () => {
    const broken = {
      ...handlers,
      ping: async () => {
        throw new Error('token=secret');
      },
    } as Handlers;
    const reply = await dispatch(broken, { type: 'ping', payload: {} }, {});
    expect(reply).toEqual({ ok: false, error: { code: 'internal', messageKey: 'errorInternal' } });
  });
});

describe('send (page side)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('returns the validated response', async () => {
    listen();
    await expect(send('ping', {})).resolves.toEqual({ version: '9.9.9' });
  });

  it('throws a MessageError carrying the typed error', async () => {
    listen();
    const error = await send('retryDelivery', { deliveryId: 3 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MessageError);
    expect((error as MessageError).info).toMatchObject({ code: 'auth', messageKey: 'errorAuth' });
  });
});

describe('the popup checks replies with its parts of the protocol (components/popup/messages.ts)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('holds the very schemas of the one protocol for each message it sends', () => {
    for (const [type, schemas] of Object.entries(popupProtocol)) expect(schemas, type).toBe(protocol[type as keyof typeof protocol]);
  });

  it('returns the validated response and throws the same MessageError as utils/messages.ts', async () => {
    listen();
    await expect(popupSend('ping', {})).resolves.toEqual({ version: '9.9.9' });
    const error = await popupSend('retryDelivery', { deliveryId: 3 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MessageError);
    expect((error as MessageError).info).toMatchObject({ code: 'auth', messageKey: 'errorAuth' });
  });

  const thrown = (run: () => unknown): unknown => {
    try {
      run();
    } catch (error) {
      return error;
    }
    return undefined;
  };

  it('refuses a reply without the envelope as an internal error', () => {
    expect((thrown(() => popupReceive('postStatus', { deliveries: [] })) as MessageError).info).toMatchObject({ code: 'internal', detail: 'bad reply' });
  });

  it("refuses a reply whose data does not fit the message's response schema", () => {
    expect(thrown(() => popupReceive('postStatus', { ok: true, data: { deliveries: 'none' } }))).toBeInstanceOf(Error);
    expect(popupReceive('postStatus', { ok: true, data: { deliveries: [] } })).toEqual({ deliveries: [] });
  });
});
