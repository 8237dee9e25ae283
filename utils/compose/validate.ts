import type { MessageKey } from '../i18n';
import { NETWORK_IDS, type NetworkId } from '../networks/ids';
import type { Measure } from '../networks/types';
import { withPageLink, type LinkState } from './page-link';
import { ruleFor } from '../networks/rules';
import { splitForNetwork } from '../text/split';

export interface DraftProblem {
  key: MessageKey;
  params?: string[];
  network?: NetworkId;
}

export interface TargetCheck {
  network: NetworkId;
  /** What goes out: the officer's text, with the page link appended where the network needs it there. */
  text: string;
  measure: Measure;
  /** How the page link travels with this network's post (utils/compose/page-link.ts). */
  link: LinkState;
  /** Thread parts when the text is split (1 when it fits). */
  parts: number;
  problem?: DraftProblem;
}

export interface DraftInput {
  text: string;
  variants: Partial<Record<NetworkId, string>>;
  targets: NetworkId[];
  hasImage: boolean;
  mastodonLimit?: number;
  /** The page being shared; networks that take links only from the text get it appended when missing. */
  pageUrl?: string;
  /** The network whose delivery replies to a mention: its text goes as written, without the page link. */
  replyTo?: NetworkId;
}

function problemFor(network: NetworkId, measure: Measure): DraftProblem {
  if (measure.detail === 'empty') return { key: 'composerEmpty', network };
  if (measure.detail === 'bytes') return { key: 'composerBytesOver', network };
  if (measure.detail === 'links') return { key: 'composerTooManyLinks', network };
  if (measure.detail === 'hashtags') return { key: 'composerTooManyHashtags', network };
  if (measure.detail === 'mentions') return { key: 'composerTooManyMentions', network };
  return { key: 'composerOverLimit', network, params: [String(measure.limit)] };
}

/** Measures one network's text; long text on a network with threads is fine when every part fits. */
export function checkTarget(network: NetworkId, written: string, input: Pick<DraftInput, 'hasImage' | 'mastodonLimit' | 'pageUrl' | 'replyTo'>): TargetCheck {
  const rule = ruleFor(network);
  const { text, link } = input.replyTo === network ? { text: written, link: 'none' as const } : withPageLink(network, written, input.pageUrl, input.hasImage);
  const opts = { limit: network === 'mastodon' ? input.mastodonLimit : undefined, asPhotoCaption: network === 'telegram' && input.hasImage };
  const measure = rule.measure(text, opts);
  if (measure.ok) return { network, text, measure, parts: 1, link };
  if (measure.detail !== 'empty' && rule.splittable) {
    const parts = splitForNetwork(text, rule, opts);
    if (parts.length > 0 && parts.every((part) => rule.measure(part, opts).ok)) return { network, text, measure, parts: parts.length, link };
  }
  return { network, text, measure, parts: 1, link, problem: problemFor(network, measure) };
}

/** Networks that publish nothing without a picture (Instagram: every feed post is an image or video). */
export const NEEDS_IMAGE: readonly NetworkId[] = ['instagram'];

/** The networks ticked by default: every connected one, except those that need an image the page lacks. */
export function defaultTargets(connected: NetworkId[], hasImage: boolean): NetworkId[] {
  return hasImage ? connected : connected.filter((network) => !NEEDS_IMAGE.includes(network));
}

export interface DraftCheck {
  ok: boolean;
  /** The first problem among the chosen networks, to tell the officer. */
  problem?: DraftProblem;
  /** Every network measured (counters show for unchosen ones too). */
  checks: Record<NetworkId, TargetCheck>;
}

export function validateDraft(input: DraftInput): DraftCheck {
  const checks = Object.fromEntries(NETWORK_IDS.map((network) => [network, checkTarget(network, input.variants[network] ?? input.text, input)])) as Record<
    NetworkId,
    TargetCheck
  >;
  const allBlank = [input.text, ...input.targets.map((n) => input.variants[n] ?? '')].every((text) => !text.trim());
  if (allBlank) return { ok: false, problem: { key: 'composerEmpty' }, checks };
  if (input.targets.length === 0) return { ok: false, problem: { key: 'composerNoTarget' }, checks };
  const problem =
    input.targets.map((network) => checks[network].problem).find(Boolean) ??
    (input.hasImage ? undefined : input.targets.filter((n) => NEEDS_IMAGE.includes(n)).map((network) => ({ key: 'composerNeedsImage' as const, network }))[0]);
  return { ok: !problem, problem, checks };
}
