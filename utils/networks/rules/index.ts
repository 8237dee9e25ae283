import { NETWORK_CATALOG, type CatalogRuleKey, type NetworkId } from '../catalog';
import { blueskyRule } from './bluesky';
import { facebookRule } from './facebook';
import { instagramRule } from './instagram';
import { linkedinRule } from './linkedin';
import { mastodonRule } from './mastodon';
import { telegramRule } from './telegram';
import { threadsRule } from './threads';
import type { Rule } from '../../text/rule';
import { xRule } from './x';

export type { Rule, RuleOptions } from '../../text/rule';

/** Counting rules by key; each catalog entry names its rule (`rule`), and compilation fails when one is missing. */
export const RULES = {
  x: xRule,
  facebook: facebookRule,
  mastodon: mastodonRule,
  bluesky: blueskyRule,
  telegram: telegramRule,
  threads: threadsRule,
  linkedin: linkedinRule,
  instagram: instagramRule,
} satisfies Record<CatalogRuleKey, Rule>;

/** The counting rule of one network, as its catalog entry names it. */
export const ruleFor = (id: NetworkId): Rule => RULES[NETWORK_CATALOG[id].rule];
