import { validateDraft } from '../../utils/compose/validate';
import type { ResponseOf } from '../../utils/messages';
import { receive } from './messages';
import { popupReply } from './request';
import { SETTINGS, readSetting, type SettingValue } from '../../utils/settings';

/** What the composer opens with: the worker's answer and the popup's own storage reads. */
export interface PopupStart {
  start: ResponseOf<'popupStart'>;
  presets: SettingValue<typeof SETTINGS.presets>;
  drafts: SettingValue<typeof SETTINGS.drafts>;
  preferences: SettingValue<typeof SETTINGS.preferences>;
}

/**
 * The counting rules compile their regular expressions (twitter-text's URL and TLD patterns) on first
 * use, ~15 ms. Doing that while the worker answers, instead of in the first render with the draft,
 * takes it off the path to the composer showing; the result is thrown away.
 */
function warmCounting() {
  validateDraft({ text: 'Siar https://www.example.go.id/berita #Humas @siar $IDR', variants: {}, targets: [], hasImage: true });
}

/**
 * Gathers what the composer opens with: the worker round trip begun by request.ts, validated
 * here, and the popup's own storage reads. The composer script calls this before rendering, so the
 * reads overlap the first render instead of waiting for an effect a frame later.
 */
export function startPopup(): Promise<PopupStart> {
  const loaded = Promise.all([
    popupReply.then((raw) => receive('popupStart', raw)),
    readSetting(SETTINGS.presets),
    readSetting(SETTINGS.drafts),
    readSetting(SETTINGS.preferences),
  ]).then(([start, presets, drafts, preferences]) => ({ start, presets, drafts, preferences }));
  setTimeout(warmCounting, 0);
  return loaded;
}
