import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import type { PageInfo } from '../../utils/compose/page';
import { composeBaseText } from '../../utils/compose/quote';
import { respondText } from '../../utils/compose/respond';
import { zonedTimeToEpoch } from '../../utils/compose/schedule';
import { defaultTargets, validateDraft, type DraftProblem } from '../../utils/compose/validate';
import type { DeliveryStatus, ResponseOf } from '../../utils/messages';
import { send } from './messages';
import { NETWORK_IDS, type NetworkId } from '../../utils/networks/ids';
import { MAX_DRAFTS, SETTINGS, updateSetting, type SettingValue } from '../../utils/settings';
import { startPopup, type PopupStart } from './start';
import { privateHostOf } from '../../utils/net/private-host';
import type { KitView } from '../../utils/campaigns/protocol';
import { kitDraft, kitWarnings, type KitWarning } from '../../utils/campaigns/compose';

type Context = ResponseOf<'popupStart'>['context'];
const TERMINAL = new Set(['sent', 'failed', 'needs-auth']);

/** `start`: the round trip begun by the popup entry (startPopup), or one begun here. */
export function usePopup(start?: Promise<PopupStart>) {
  const [page, setPage] = useState<PageInfo>();
  const [context, setContext] = useState<Context>();
  const [presets, setPresets] = useState<SettingValue<typeof SETTINGS.presets>>();
  const [timeZone, setTimeZone] = useState('Asia/Jakarta');
  const [text, setText] = useState('');
  const [variants, setVariants] = useState<Partial<Record<NetworkId, string>>>({});
  const [targets, setTargets] = useState<NetworkId[]>([]);
  const [imageAlt, setImageAlt] = useState('');
  const [imageState, setImageState] = useState<'loading' | 'ok' | 'failed' | 'removed'>('loading');
  const [scheduleAt, setScheduleAt] = useState('');
  // An image on an intranet address is only published once the officer says so (issue 13.7).
  const [privateImageOk, setPrivateImageOk] = useState(false);
  const [draftRestored, setDraftRestored] = useState(false);
  // The officer's text before a quote replaced it or they started over, kept (and autosaved) to restore.
  const [replaced, setReplaced] = useState<string>();
  const [problem, setProblem] = useState<DraftProblem>();
  const [publishing, setPublishing] = useState(false);
  const [postId, setPostId] = useState<number>();
  const [scheduledFor, setScheduledFor] = useState<number>();
  const [deliveries, setDeliveries] = useState<DeliveryStatus[]>([]);
  // Bumped when the officer retries, so following the deliveries resumes after it had stopped.
  const [pollRound, setPollRound] = useState(0);
  const [loaded, setLoaded] = useState(false);
  // A campaign kit opened in the composer (issue 19.3), and the mandatory elements found missing at the
  // last Publish: a second Publish sends anyway.
  const [kit, setKit] = useState<KitView>();
  const [warned, setKitWarning] = useState<{ about: string; missing: KitWarning[] }>();

  // A layout effect: subscribing to the round trip needs no painted frame first (useEffect waits one).
  useLayoutEffect(() => {
    void (async () => {
      // One round trip to the worker, with the popup's own storage reads alongside it.
      const {
        start: { page: info, context: ctx },
        presets: storedPresets,
        drafts,
        preferences,
      } = await (start ?? startPopup());
      // A draft is never replaced by a new selection: the quote is offered beside it (QuoteOffer).
      const stored = info.respond ? undefined : drafts[info.url];
      // A draft that is only the page's own prefill was never typed: a selection may take its place.
      const untouched = stored && info.selection && !stored.replaced && stored.text === composeBaseText({ ...info, selection: '' });
      const draft = untouched ? undefined : stored;
      setPage(info);
      setContext(ctx);
      setPresets(storedPresets);
      setTimeZone(preferences.timeZone);
      if (!info.imageUrl) setImageState('removed');
      if (draft) {
        setText(draft.text);
        setVariants(draft.variants);
        // Only networks still connected: a ticked network that cannot be unticked (disabled) would be sent to and fail.
        setTargets(draft.targets.filter((id) => NETWORK_IDS.includes(id) && ctx.connected.includes(id)));
        setImageAlt(draft.imageAlt);
        setReplaced(draft.replaced);
        setDraftRestored(true);
      } else if (info.respond) {
        // A response is not a broadcast: nothing is ticked until the officer chooses where to answer.
        setText(respondText(info.respond));
        setTargets([]);
      } else {
        setText(composeBaseText({ ...info, lang: info.lang }));
        setTargets(defaultTargets(ctx.connected, Boolean(info.imageUrl)));
      }
      setLoaded(true);
    })();
  }, [start]);

  /** Writes this page's draft now; replacing or restoring the text calls it directly, as the popup may close next. */
  const pageUrl = page?.url;
  const saveDraft = useCallback(
    (draftText: string, before: string | undefined) => {
      if (!pageUrl) return Promise.resolve();
      return updateSetting(SETTINGS.drafts, (all) => {
        const next = {
          ...all,
          [pageUrl]: { text: draftText, variants, targets, imageAlt, updatedAt: Date.now(), ...(before === undefined ? {} : { replaced: before }) },
        };
        const keep = Object.entries(next)
          .sort(([, a], [, b]) => b.updatedAt - a.updatedAt)
          .slice(0, MAX_DRAFTS);
        return Object.fromEntries(keep);
      });
    },
    [pageUrl, variants, targets, imageAlt],
  );

  // Autosave per page URL, so closing the popup by accident loses nothing.
  useEffect(() => {
    if (!loaded || !page?.url || postId) return;
    const timer = setTimeout(() => void saveDraft(text, replaced), 300);
    return () => clearTimeout(timer);
  }, [loaded, text, replaced, saveDraft, page?.url, postId]);

  // While the popup is open, follow the deliveries; they go on in the worker if it closes.
  useEffect(() => {
    if (postId === undefined) return;
    let stopped = false;
    const poll = async () => {
      const { deliveries: rows } = await send('postStatus', { postId });
      if (stopped) return;
      setDeliveries(rows);
      if (!rows.every((row) => TERMINAL.has(row.state)) && scheduledFor === undefined) setTimeout(poll, 400);
    };
    void poll();
    return () => {
      stopped = true;
    };
  }, [postId, scheduledFor, pollRound]);

  function retried(rows: DeliveryStatus[]) {
    setDeliveries(rows);
    setPollRound((round) => round + 1);
  }

  const privateImageHost = privateHostOf(page?.imageUrl);
  const image = page?.imageUrl && (imageState === 'ok' || imageState === 'loading') && (!privateImageHost || privateImageOk) ? page.imageUrl : undefined;
  const mastodonLimit = context?.mastodonLimit;
  const check = useMemo(
    () => validateDraft({ text, variants, targets, hasImage: Boolean(image), mastodonLimit, pageUrl: page?.url, replyTo: page?.respond?.reply?.network }),
    [text, variants, targets, image, mastodonLimit, page?.url, page?.respond],
  );

  // A warning holds for the texts it was shown for: after any edit the next Publish checks again.
  const shown = JSON.stringify([text, variants, targets]);
  const kitWarning = warned?.about === shown ? warned.missing : undefined;

  async function publish() {
    setProblem(undefined);
    if (!check.ok) return setProblem(check.problem);
    if (kit && !kitWarning) {
      const missing = kitWarnings(kit.mandatory, text, variants, targets);
      if (missing.length) return setKitWarning({ about: shown, missing });
    }
    const scheduled = scheduleAt ? zonedTimeToEpoch(scheduleAt, timeZone) : undefined;
    if (scheduleAt && (!scheduled || scheduled <= Date.now())) return setProblem({ key: 'composerSchedulePast' });
    setPublishing(true);
    try {
      const created = await send('publish', {
        text,
        variants,
        targets,
        pageUrl: page?.url ?? '',
        pageTitle: page?.title ?? '',
        description: page?.description || undefined,
        imageUrl: image,
        imageAlt: image ? imageAlt : undefined,
        lang: page?.lang || undefined,
        scheduledAt: scheduled,
        replyTo: page?.respond?.reply,
        ...(kit ? { kitId: kit.key, kitUpdatedAt: kit.updatedAt } : {}),
      });
      setKitWarning(undefined);
      setScheduledFor(scheduled);
      setPostId(created.postId);
      await updateSetting(SETTINGS.drafts, (all) => {
        const { [page?.url ?? '']: _sent, ...rest } = all;
        return rest;
      });
    } catch (error) {
      setProblem({ key: (error as { messageKey?: DraftProblem['key'] }).messageKey ?? 'errorInternal' });
    } finally {
      setPublishing(false);
    }
  }

  /** Starts over from the page, keeping the current text restorable. */
  function discardDraft() {
    if (!page || !context) return;
    const fresh = page.respond ? respondText(page.respond) : composeBaseText(page);
    void saveDraft(fresh, text);
    setReplaced(text);
    setText(fresh);
    setVariants({});
    setTargets(page.respond ? [] : defaultTargets(context.connected, Boolean(page.imageUrl)));
    setImageAlt('');
    setDraftRestored(false);
  }

  /** After a post: a fresh composer for the same page (the sent post's results stay in the worker and the audit log). */
  function newPost() {
    if (!page || !context) return;
    if (kit) return loadKit(kit);
    setPostId(undefined);
    setScheduledFor(undefined);
    setDeliveries([]);
    setScheduleAt('');
    setProblem(undefined);
    setReplaced(undefined);
    setText(page.respond ? respondText(page.respond) : composeBaseText(page));
    setVariants({});
    setTargets(page.respond ? [] : defaultTargets(context.connected, Boolean(page.imageUrl)));
  }

  /**
   * Opens a campaign kit as the post: its link and title as the page, its image, its text per network
   * (variants, hashtags) with the officer's first signature preset and UTM presets; the usual counters and rules apply.
   */
  function loadKit(next: KitView) {
    if (!context) return;
    const draft = kitDraft(next, presets?.signatures[0]?.text ?? '', presets?.utm);
    setPage({ url: next.link, title: next.title, description: '', selection: '', limited: false, ...(next.image ? { imageUrl: next.image.url } : {}) });
    setImageState(next.image ? 'loading' : 'removed');
    setImageAlt(next.image?.alt ?? '');
    setText(draft.text);
    setVariants(draft.variants);
    setTargets(context.connected);
    setKit(next);
    setKitWarning(undefined);
    setPostId(undefined);
    setScheduledFor(undefined);
    setDeliveries([]);
    setScheduleAt('');
    setProblem(undefined);
    setDraftRestored(false);
    setReplaced(undefined);
  }

  /** Puts `next` in the text box; what was there stays restorable. */
  function replaceText(next: string) {
    void saveDraft(next, text);
    setReplaced(text);
    setText(next);
  }

  function restoreReplaced() {
    if (replaced === undefined) return;
    void saveDraft(replaced, undefined);
    setText(replaced);
    setReplaced(undefined);
  }

  return {
    page,
    context,
    presets,
    text,
    setText,
    variants,
    setVariants,
    targets,
    setTargets,
    imageAlt,
    setImageAlt,
    imageState,
    setImageState,
    image,
    privateImageHost: privateImageOk ? undefined : privateImageHost,
    allowPrivateImage: () => setPrivateImageOk(true),
    scheduleAt,
    setScheduleAt,
    timeZone,
    draftRestored,
    discardDraft,
    replaced,
    replaceText,
    restoreReplaced,
    newPost,
    check,
    problem,
    publish,
    publishing,
    postId,
    scheduledFor,
    deliveries,
    retried,
    kit,
    loadKit,
    kitWarning,
  };
}

export type Composer = ReturnType<typeof usePopup>;
