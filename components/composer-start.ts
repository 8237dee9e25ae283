import { browser } from '#imports';
import { validateDraft } from '../utils/compose/validate';
import { send, type ResponseOf } from '../utils/messages';
import { SETTINGS, readSetting, type SettingValue } from '../utils/settings';

/** What the composer opens with: the worker's answer and the popup's own storage reads. */
export interface ComposerStart {
  start: ResponseOf<'composerStart'>;
  presets: SettingValue<typeof SETTINGS.presets>;
  drafts: SettingValue<typeof SETTINGS.drafts>;
  preferences: SettingValue<typeof SETTINGS.preferences>;
}

/** Which tab the composer is for: `?tabId=` (composer window, tests) or the popup's own active tab. */
async function composerTabId(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tabId');
  if (param && /^\d+$/.test(param)) return Number(param);
  if (new URLSearchParams(location.search).has('window')) return undefined;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
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
 * Starts the composer's one worker round trip and storage reads. The popup entry calls this before
 * rendering, so the round trip overlaps the first render and the paint of the loading state instead of
 * waiting for an effect a frame later.
 */
export function startComposer(): Promise<ComposerStart> {
  const loaded = Promise.all([
    composerTabId().then((tabId) => send('composerStart', { tabId })), readSetting(SETTINGS.presets),
    readSetting(SETTINGS.drafts), readSetting(SETTINGS.preferences),
  ]).then(([start, presets, drafts, preferences]) => ({ start, presets, drafts, preferences }));
  setTimeout(warmCounting, 0);
  return loaded;
}
