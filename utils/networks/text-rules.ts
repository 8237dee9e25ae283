import { INTENT_NAMES, intentUrl, type IntentName } from './intents';
import { ruleFor } from './rules';
import { splitForNetwork } from '../text/split';
import type { NetworkId } from './ids';
import type { Draft } from './types';

/** The composing half of the `Network` contract, the same for every network: its own counting rule,
 * thread splitting and share link, each taking that network's text variant when there is one. */
export function textRules<K extends NetworkId>(id: K) {
  return {
    id,
    measure: (text: string) => ruleFor(id).measure(text),
    split: (text: string) => splitForNetwork(text, ruleFor(id)),
    // A network whose catalog entry says `share: { none }` (Instagram) has no share link to build.
    intentUrl: (draft: Draft) =>
      (INTENT_NAMES as readonly string[]).includes(id)
        ? intentUrl(id as IntentName, { text: draft.variants[id] ?? draft.text, url: draft.url, title: draft.title })
        : undefined,
  };
}
