import { browser } from '#imports';
import { useLayoutEffect } from 'preact/hooks';
import { formatZoned, zoneLabel } from '../utils/compose/schedule';
import type { DraftProblem } from '../utils/compose/validate';
import { networkNameKey } from '../utils/networks/names';
import { t, uiLanguage } from '../utils/i18n';
import { NETWORK_IDS } from '../utils/networks/ids';
import { Alert } from './Alert';
import { markReady } from './mount';
import { NetworkRow } from './NetworkRow';
import { PagePreview } from './PagePreview';
import { PageHeader } from './PageHeader';
import { PresetBar } from './PresetBar';
import { PublishResults } from './PublishResults';
import { SettingsWarning } from './SettingsWarning';
import { ShareLinks } from './ShareLinks';
import type { ComposerStart } from './composer-start';
import { useComposer } from './useComposer';
import { AlreadyShared } from './AlreadyShared';

async function openSidePanel() {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  const sidePanel = (browser as unknown as { sidePanel?: { open(o: { windowId: number }): Promise<void> } }).sidePanel;
  if (sidePanel && tab?.windowId !== undefined) await sidePanel.open({ windowId: tab.windowId });
  else await (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction?.open();
}

/** The problem's sentence, naming the network in the officer's language where it concerns one. */
function problemText(problem: DraftProblem): string {
  const params = problem.params ?? [];
  return t(problem.key, problem.network ? [t(networkNameKey(problem.network)), ...params] : params);
}

/** `start`: the composer's round trip, begun by the entry before rendering (see startComposer). */
export function Popup({ start }: { start?: Promise<ComposerStart> }) {
  const c = useComposer(start);
  const ready = Boolean(c.page && c.context);
  useLayoutEffect(() => {
    if (ready) markReady();
  }, [ready]);
  const inWindow = new URLSearchParams(location.search).has('window');

  return (
    <main class={`popup${inWindow ? ' window' : ''}`}>
      <PageHeader subtitle="popupTagline">
        <button type="button" class="link" onClick={() => void openSidePanel()}>{t('openSidePanel')}</button>
        <button type="button" class="link" onClick={() => browser.runtime.openOptionsPage()}>{t('openOptions')}</button>
      </PageHeader>
      <SettingsWarning />
      {!c.page || !c.context ? <p class="empty">{t('composerLoading')}</p> : (
        <form class="composer" onSubmit={(event) => { event.preventDefault(); void c.publish(); }}>
          {c.page.selection && <Alert tone="info">{t('composerQuoteNotice')}</Alert>}
          {c.draftRestored && (
            <Alert tone="info">{t('composerDraftRestored')} <button type="button" class="link" onClick={c.discardDraft}>{t('composerDiscardDraft')}</button></Alert>
          )}
          <AlreadyShared shares={c.context.alreadyShared} timeZone={c.timeZone} />
          <PagePreview page={c.page} imageState={c.imageState} onImageState={c.setImageState} imageAlt={c.imageAlt} onImageAlt={c.setImageAlt}
            privateImageHost={c.privateImageHost} onAllowPrivateImage={c.allowPrivateImage} />
          <label class="field-label" for="composer-text">{t('composerTextLabel')}</label>
          <textarea id="composer-text" data-testid="composer-text" rows={6} value={c.text} onInput={(event) => c.setText(event.currentTarget.value)} />
          {c.presets && <PresetBar presets={c.presets} text={c.text} onText={c.setText} />}
          <h2>{t('composerTargets')}</h2>
          <ul class="networks">
            {NETWORK_IDS.map((network) => {
              const selected = c.targets.includes(network);
              const check = c.check.checks[network];
              return (
                <NetworkRow key={network} network={network} check={check} selected={selected}
                  connected={c.context!.connected.includes(network)} variant={c.variants[network]}
                  onToggle={(on) => c.setTargets(on ? [...c.targets, network] : c.targets.filter((id) => id !== network))}
                  onVariant={(text) => {
                    const { [network]: _old, ...rest } = c.variants;
                    c.setVariants(text === undefined ? rest : { ...rest, [network]: text });
                  }} />
              );
            })}
          </ul>
          <div class="publish-row">
            <label class="schedule">
              {t('composerSchedule', zoneLabel(c.timeZone))}
              <input type="datetime-local" value={c.scheduleAt} data-testid="schedule-at" onInput={(event) => c.setScheduleAt(event.currentTarget.value)} />
            </label>
            <button type="submit" class="primary" data-testid="publish" disabled={c.publishing || c.postId !== undefined}>
              {c.publishing ? t('composerPublishing') : t('composerPublish')}
            </button>
          </div>
          {c.problem && <Alert testId="composer-problem">{problemText(c.problem)}</Alert>}
          {c.scheduledFor !== undefined && <Alert tone="info">{t('composerScheduled', formatZoned(c.scheduledFor, c.timeZone, uiLanguage()))}</Alert>}
          {c.deliveries.length > 0 && <PublishResults deliveries={c.deliveries} timeZone={c.timeZone} onChange={c.retried} />}
          <ShareLinks text={c.text} url={c.page.url} title={c.page.title} variants={c.variants} mastodonInstance={c.context.mastodonInstance} />
        </form>
      )}
    </main>
  );
}
