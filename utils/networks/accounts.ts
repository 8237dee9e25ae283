// zod/mini: these schemas are part of the popup bundle, where full zod would cost 20 KB gzip.
import * as z from 'zod/mini';
import { NETWORK_IDS, type NetworkId } from './catalog';
import { httpsUrl, optionalStr, optionalText, text } from '../zod-helpers';

// One connected account per network. Every field named token/secret/password is a secret: it lives
// in storage.local only and leaves the device only towards that network's own API host.
const epochMs = z.optional(z.int());

const xCommon = { username: optionalStr(50), bearerToken: optionalText() };
export const xAccountSchema = z.discriminatedUnion('auth', [
  z.object({
    auth: z.literal('oauth1'),
    appKey: text(),
    appSecret: text(),
    accessToken: text(),
    accessSecret: text(),
    ...xCommon,
  }),
  z.object({
    auth: z.literal('oauth2'),
    clientId: text(),
    accessToken: text(),
    refreshToken: optionalText(),
    expiresAt: epochMs,
    ...xCommon,
  }),
]);

export const facebookAccountSchema = z.object({
  pageId: text(100),
  token: text(),
  name: optionalStr(200),
  expiresAt: epochMs,
});

export const mastodonAccountSchema = z.object({
  instance: httpsUrl,
  accessToken: text(),
  clientId: optionalText(),
  clientSecret: optionalText(),
  name: optionalStr(200),
  maxChars: z._default(z.int().check(z.minimum(1), z.maximum(100_000)), 500),
});

export const blueskyAccountSchema = z.object({
  service: z._default(httpsUrl, 'https://bsky.social'),
  handle: text(253),
  appPassword: text(100),
  session: z.optional(z.object({ did: text(), accessJwt: text(5000), refreshJwt: text(5000) })),
});

export const telegramAccountSchema = z.object({
  botToken: text(200),
  chatId: z.string().check(z.trim(), z.regex(/^(@[A-Za-z0-9_]{4,64}|-?\d{1,20})$/)),
  name: optionalStr(200),
});

export const threadsAccountSchema = z.object({
  userId: text(100),
  token: text(),
  name: optionalStr(200),
  expiresAt: epochMs,
});

export const linkedinAccountSchema = z.object({
  author: z.string().check(z.regex(/^urn:li:(person|organization):[A-Za-z0-9_-]+$/)),
  token: text(),
  name: optionalStr(200),
  expiresAt: epochMs,
});

// Instagram API with Instagram Login: the professional account's IG user id and a long-lived token.
export const instagramAccountSchema = z.object({
  userId: text(100),
  token: text(),
  name: optionalStr(200),
  expiresAt: epochMs,
});

/**
 * Each network's account schema, the one definition of its fields: the stored accounts, the connect
 * check and the settings file's accounts (utils/settings-file/schema.ts) are built from it.
 */
export const ACCOUNT_SCHEMAS = {
  x: xAccountSchema,
  facebook: facebookAccountSchema,
  mastodon: mastodonAccountSchema,
  bluesky: blueskyAccountSchema,
  telegram: telegramAccountSchema,
  threads: threadsAccountSchema,
  linkedin: linkedinAccountSchema,
  instagram: instagramAccountSchema,
} satisfies Record<NetworkId, z.ZodMiniType>;

type AccountsShape = { [K in NetworkId]: z.ZodMiniOptional<(typeof ACCOUNT_SCHEMAS)[K]> };
export const accountsSchema = z.object(Object.fromEntries(NETWORK_IDS.map((id) => [id, z.optional(ACCOUNT_SCHEMAS[id])])) as AccountsShape);

export type Accounts = z.infer<typeof accountsSchema>;
export type XAccount = z.infer<typeof xAccountSchema>;
