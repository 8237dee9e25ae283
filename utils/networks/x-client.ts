import { ApiResponseError, TwitterApi, type ITwitterApiClientPlugin, type TwitterRateLimit } from 'twitter-api-v2';
import type { XAccount } from './accounts';

// twitter-api-v2 speaks Node's `https`; an MV3 worker only has fetch. This plugin takes over each
// request after the library has built it (URL, method, signed Authorization header, body) and performs
// it with fetch, so OAuth signing, endpoints and error types stay the library's own.

interface BuiltRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}
interface RequestMaker {
  getHttpRequestArgs(params: unknown): BuiltRequest;
}

function rateLimitFrom(headers: Headers): TwitterRateLimit | undefined {
  const limit = headers.get('x-rate-limit-limit');
  const remaining = headers.get('x-rate-limit-remaining');
  const reset = headers.get('x-rate-limit-reset');
  if (limit === null || remaining === null || reset === null) return undefined;
  return { limit: Number(limit), remaining: Number(remaining), reset: Number(reset) };
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function fetchPlugin(signal?: AbortSignal): ITwitterApiClientPlugin {
  return {
    async onBeforeRequestConfig({ client, params }) {
      const args = (client as unknown as RequestMaker).getHttpRequestArgs(params);
      const response = await fetch(args.url.toString(), {
        method: args.method,
        headers: Object.fromEntries(Object.entries(args.headers).filter(([name]) => name.toLowerCase() !== 'content-length')),
        body: args.body as BodyInit | undefined,
        signal,
      });
      const data = await readBody(response);
      const headers = Object.fromEntries(response.headers.entries());
      const rateLimit = rateLimitFrom(response.headers);
      if (response.status >= 400) {
        throw new ApiResponseError(`Request failed with code ${response.status}`, {
          code: response.status,
          data: data as never,
          headers,
          rateLimit,
          request: undefined as never,
          response: undefined as never,
        });
      }
      // A plain response object: send() returns whatever this hook gives back as the result.
      return { data, headers, rateLimit } as never;
    },
  };
}

/** A twitter-api-v2 client for the account's credentials, performing its requests with fetch. */
export function createXClient(account: XAccount, signal?: AbortSignal): TwitterApi {
  const settings = { plugins: [fetchPlugin(signal)] };
  if (account.auth === 'oauth1') {
    return new TwitterApi(
      {
        appKey: account.appKey,
        appSecret: account.appSecret,
        accessToken: account.accessToken,
        accessSecret: account.accessSecret,
      },
      settings,
    );
  }
  return new TwitterApi(account.accessToken, settings);
}

/** An app-only client (bearer token) for recent search. */
export function createXAppClient(bearerToken: string, signal?: AbortSignal): TwitterApi {
  return new TwitterApi(bearerToken, { plugins: [fetchPlugin(signal)] });
}
