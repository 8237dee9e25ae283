import { browser } from '#imports';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { formatZoned, zoneLabel } from '../../utils/compose/schedule';
import type { DraftProblem } from '../../utils/compose/validate';
import { networkNameKey } from '../../utils/networks/names';
import { t, uiLanguage } from '../../utils/i18n';
import { NETWORK_IDS } from '../../utils/networks/ids';
import { openSidePanel } from '../../utils/sidepanel/open';
import { Alert } from '../common/Alert';
import { markReady } from '../common/mount';
import { NetworkRow } from './NetworkRow';
import { PagePreview } from './PagePreview';
import { PageHeader } from '../common/PageHeader';
import { PresetBar } from './PresetBar';
import { PublishResults } from './PublishResults';
import { QuoteOffer } from './QuoteOffer';
import { RespondHeader } from './RespondHeader';
import { ScheduledList } from './ScheduledList';
import { SettingsWarning } from '../common/SettingsWarning';
import { InstagramShare } from './InstagramShare';
import { ShareLinks } from './ShareLinks';
import type { PopupStart } from './start';
import { usePopup } from './usePopup';
import { AlreadyShared } from './AlreadyShared';
import { CampaignTab } from './CampaignTab';
import { KitBanner } from './KitBanner';

/** The problem's sentence, naming the network in the officer's language where it concerns one. */
function problemText(problem: DraftProblem): string {
  const params = problem.params ?? [];
  return t(problem.key, problem.network ? [t(networkNameKey(problem.network)), ...params] : params);
}

const SETUP_URL = '/setup.html';

/**
 * The composer at the toolbar popup's real size (440 × 600): the form scrolls, while Publish and
 * "share without an account" stay in a footer that is always in view.
 * `start`: the composer's round trip, begun by the entry before rendering (see startPopup).
 */
export function Popup({ start }: { start?: Promise<PopupStart> }) {
  const c = usePopup(start);
  const ready = Boolean(c.page && c.context);
  const textBox = useRef<HTMLTextAreaElement>(null);
  const [shareOpen, setShareOpen] = useState(false);
  // `?tab=campaigns` opens the Kampanye tab directly (the options page links there).
  const [tab, setTab] = useState<'compose' | 'campaigns'>(() => (new URLSearchParams(location.search).get('tab') === 'campaigns' ? 'campaigns' : 'compose'));
  useLayoutEffect(() => {
    if (!ready) return;
    markReady();
    textBox.current?.focus();
  }, [ready]);
  const inWindow = new URLSearchParams(location.search).has('window');
  const noAccounts = c.context !== undefined && c.context.connected.length === 0;
  const publishDisabled = c.publishing || c.postId !== undefined || noAccounts;

  return (
    <main class={`popup${inWindow ? ' window' : ''}`}>
      <PageHeader subtitle="popupTagline">
        <button type="button" class="link" data-testid="open-sidepanel" onClick={() => void openSidePanel({ window: 'current' })}>
          {t('openSidePanel')}
        </button>
        <button type="button" class="link" onClick={() => browser.runtime.openOptionsPage()}>
          {t('openOptions')}
        </button>
      </PageHeader>
      <div class="tabs" role="tablist">
        <button type="button" role="tab" data-testid="tab-compose" aria-selected={tab === 'compose'} onClick={() => setTab('compose')}>
          {t('tabCompose')}
        </button>
        <button type="button" role="tab" data-testid="tab-campaigns" aria-selected={tab === 'campaigns'} onClick={() => setTab('campaigns')}>
          {t('tabCampaigns')}
        </button>
      </div>
      {tab === 'campaigns' && (
        <div class="composer-body campaigns" role="tabpanel">
          <CampaignTab
            timeZone={c.timeZone}
            onShare={(kit) => {
              c.loadKit(kit);
              setTab('compose');
            }}
          />
        </div>
      )}
      {tab === 'campaigns' ? null : !c.page || !c.context ? (
        <p class="empty">{t('composerLoading')}</p>
      ) : (
        <form
          class="composer"
          onSubmit={(event) => {
            event.preventDefault();
            void c.publish();
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !publishDisabled) {
              event.preventDefault();
              void c.publish();
            }
          }}
        >
          <div class="composer-body">
            <SettingsWarning />
            {c.page.respond && <RespondHeader respond={c.page.respond} url={c.page.url} />}
            {c.page.selection && !c.page.respond && (
              <QuoteOffer page={c.page} text={c.text} draftKept={c.draftRestored} onText={c.setText} onReplace={c.replaceText} />
            )}
            {c.draftRestored && !c.page.selection && (
              <Alert tone="info">
                <span>{t('composerDraftRestored')}</span>{' '}
                <button type="button" class="link" data-testid="draft-start-over" onClick={c.discardDraft}>
                  {t('composerDiscardDraft')}
                </button>
              </Alert>
            )}
            {c.replaced !== undefined && (
              <Alert tone="info" testId="replaced-kept">
                <span>{t('composerReplacedKept')}</span>
                <button type="button" class="link" data-testid="restore-text" onClick={c.restoreReplaced}>
                  {t('composerRestoreText')}
                </button>
              </Alert>
            )}
            {c.kit && <KitBanner kit={c.kit} />}
            <ScheduledList timeZone={c.timeZone} refreshKey={c.postId} />
            <AlreadyShared shares={c.context.alreadyShared} timeZone={c.timeZone} />
            {!c.page.respond && (
              <PagePreview
                page={c.page}
                imageState={c.imageState}
                onImageState={c.setImageState}
                imageAlt={c.imageAlt}
                onImageAlt={c.setImageAlt}
                privateImageHost={c.privateImageHost}
                onAllowPrivateImage={c.allowPrivateImage}
              />
            )}
            <label class="field-label" for="composer-text">
              {t('composerTextLabel')}
            </label>
            <textarea
              id="composer-text"
              ref={textBox}
              data-testid="composer-text"
              rows={5}
              value={c.text}
              onInput={(event) => c.setText(event.currentTarget.value)}
            />
            {c.presets && <PresetBar presets={c.presets} text={c.text} onText={c.setText} />}
            <h2>{t('composerTargets')}</h2>
            {noAccounts && (
              <p class="hint" data-testid="no-accounts">
                {t('composerNoAccounts')}{' '}
                <a href={SETUP_URL} target="_blank" rel="noopener" data-testid="connect-link">
                  {t('composerConnectLink')}
                </a>
              </p>
            )}
            <ul class="networks">
              {NETWORK_IDS.map((network) => {
                const selected = c.targets.includes(network);
                return (
                  <NetworkRow
                    key={network}
                    network={network}
                    check={c.check.checks[network]}
                    selected={selected}
                    written={c.variants[network] ?? c.text}
                    reply={c.page!.respond?.reply?.network === network ? c.page!.respond.reply : undefined}
                    connected={c.context!.connected.includes(network)}
                    variant={c.variants[network]}
                    onToggle={(on) => c.setTargets(on ? [...c.targets, network] : c.targets.filter((id) => id !== network))}
                    onVariant={(text) => {
                      const { [network]: _old, ...rest } = c.variants;
                      c.setVariants(text === undefined ? rest : { ...rest, [network]: text });
                    }}
                  />
                );
              })}
            </ul>
            <label class="schedule">
              {t('composerSchedule', zoneLabel(c.timeZone))}
              <input type="datetime-local" value={c.scheduleAt} data-testid="schedule-at" onInput={(event) => c.setScheduleAt(event.currentTarget.value)} />
            </label>
            {c.scheduledFor !== undefined && <Alert tone="info">{t('composerScheduled', formatZoned(c.scheduledFor, c.timeZone, uiLanguage()))}</Alert>}
            {c.deliveries.length > 0 && <PublishResults deliveries={c.deliveries} timeZone={c.timeZone} onChange={c.retried} />}
          </div>
          <div class="composer-footer" data-testid="composer-footer">
            {c.problem && <Alert testId="composer-problem">{problemText(c.problem)}</Alert>}
            {c.kitWarning && (
              <Alert tone="warning" testId="kit-mandatory-warning">
                <span>
                  {t('kitMandatoryMissing')}
                  <ul>
                    {c.kitWarning.map((w) => (
                      <li key={w.network}>
                        {t(networkNameKey(w.network))}: {w.missing.join(' ')}
                      </li>
                    ))}
                  </ul>
                </span>
              </Alert>
            )}
            {shareOpen && (
              <>
                <ShareLinks text={c.text} url={c.page.url} title={c.page.title} variants={c.variants} mastodonInstance={c.context.mastodonInstance} />
                <InstagramShare caption={c.variants.instagram ?? c.text} url={c.page.url} imageUrl={c.image} />
              </>
            )}
            <div class="publish-row">
              <button type="button" data-testid="share-toggle" aria-expanded={shareOpen} onClick={() => setShareOpen(!shareOpen)}>
                {t('composerShareLinks')}
              </button>
              <span class="muted publish-reason" data-testid="publish-reason">
                {noAccounts ? t('composerPublishNeedsAccount') : c.postId === undefined ? t('composerPublishShortcut') : ''}
              </span>
              {c.postId === undefined ? (
                <button key="publish" type="submit" class="primary" data-testid="publish" disabled={publishDisabled}>
                  {c.publishing ? t('composerPublishing') : c.kitWarning ? t('kitPublishAnyway') : t('composerPublish')}
                </button>
              ) : (
                <button key="new-post" type="button" class="primary" data-testid="new-post" onClick={c.newPost}>
                  {t('composerNewPost')}
                </button>
              )}
            </div>
          </div>
        </form>
      )}
    </main>
  );
}
