import type { NetworkId } from '../../networks/ids';
import { blueskyRule } from './bluesky';
import { facebookRule } from './facebook';
import { instagramRule } from './instagram';
import { linkedinRule } from './linkedin';
import { mastodonRule } from './mastodon';
import { telegramRule } from './telegram';
import { threadsRule } from './threads';
import type { Rule } from './types';
import { xRule } from './x';

export type { Rule, RuleOptions } from './types';

export const RULES: Record<NetworkId, Rule> = {
  x: xRule,
  facebook: facebookRule,
  mastodon: mastodonRule,
  bluesky: blueskyRule,
  telegram: telegramRule,
  threads: threadsRule,
  linkedin: linkedinRule,
  instagram: instagramRule,
};
