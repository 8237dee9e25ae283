import * as z from 'zod/mini';

export const NETWORK_IDS = ['x', 'facebook', 'mastodon', 'bluesky', 'telegram', 'threads', 'linkedin', 'instagram'] as const;
export const networkIdSchema = z.enum(NETWORK_IDS);
export type NetworkId = z.infer<typeof networkIdSchema>;
