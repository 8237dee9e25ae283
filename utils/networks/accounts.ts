import { z } from 'zod';

// One connected account per network. Every field named token/secret/password is a secret: it lives
// in storage.local only and leaves the device only towards that network's own API host.
const text = (max = 2000) => z.string().trim().min(1).max(max);
const httpsUrl = z.url({ protocol: /^https$/ }).max(500);

export const xAccountSchema = z.discriminatedUnion('auth', [
  z.object({
    auth: z.literal('oauth1'),
    appKey: text(), appSecret: text(), accessToken: text(), accessSecret: text(),
    username: z.string().max(50).optional(),
    bearerToken: text().optional(),
  }),
  z.object({
    auth: z.literal('oauth2'),
    clientId: text(), accessToken: text(), refreshToken: text().optional(),
    expiresAt: z.number().int().optional(),
    username: z.string().max(50).optional(),
    bearerToken: text().optional(),
  }),
]);

export const facebookAccountSchema = z.object({
  pageId: text(100), token: text(), name: z.string().max(200).optional(), expiresAt: z.number().int().optional(),
});

export const mastodonAccountSchema = z.object({
  instance: httpsUrl, accessToken: text(), clientId: text().optional(), clientSecret: text().optional(),
  name: z.string().max(200).optional(), maxChars: z.number().int().min(1).max(100_000).default(500),
});

export const blueskyAccountSchema = z.object({
  service: httpsUrl.default('https://bsky.social'), handle: text(253), appPassword: text(100),
  session: z.object({ did: text(), accessJwt: text(5000), refreshJwt: text(5000) }).optional(),
});

export const telegramAccountSchema = z.object({
  botToken: text(200), chatId: z.string().trim().regex(/^(@[A-Za-z0-9_]{4,64}|-?\d{1,20})$/),
  name: z.string().max(200).optional(),
});

export const threadsAccountSchema = z.object({
  userId: text(100), token: text(), name: z.string().max(200).optional(), expiresAt: z.number().int().optional(),
});

export const linkedinAccountSchema = z.object({
  author: z.string().regex(/^urn:li:(person|organization):[A-Za-z0-9_-]+$/), token: text(),
  name: z.string().max(200).optional(), expiresAt: z.number().int().optional(),
});

export const accountsSchema = z.object({
  x: xAccountSchema.optional(),
  facebook: facebookAccountSchema.optional(),
  mastodon: mastodonAccountSchema.optional(),
  bluesky: blueskyAccountSchema.optional(),
  telegram: telegramAccountSchema.optional(),
  threads: threadsAccountSchema.optional(),
  linkedin: linkedinAccountSchema.optional(),
});

export type Accounts = z.infer<typeof accountsSchema>;
export type XAccount = z.infer<typeof xAccountSchema>;
