import { useState } from 'preact/hooks';
import { t, type MessageKey } from '../../utils/i18n';
import { MessageError, send } from '../../utils/messages';
import { MAX_OPML_FEEDS } from '../../utils/monitor/protocol';
import { Alert } from '../common/Alert';

/** OPML in (a file from another feed reader) and out (a download of Siar's feeds). */
export function OpmlTools({ onImported }: { onImported(): void }) {
  const [notice, setNotice] = useState<{ tone: 'error' | 'info'; text: string }>();
  // A file whose feeds need the officer's word (credentials, intranet addresses), kept until answered.
  const [risky, setRisky] = useState<{ text: string; hosts: string[] }>();

  const importFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) await importText(await file.text(), false);
  };

  const importText = async (text: string, allowRisky: boolean) => {
    setRisky(undefined);
    try {
      const result = await send('opmlImport', { text, allowRisky });
      if (!result.ok && result.risky) return setRisky({ text, hosts: result.risky });
      if (!result.ok) return setNotice({ tone: 'error', text: t(result.messageKey as MessageKey, String(MAX_OPML_FEEDS)) });
      setNotice({ tone: 'info', text: t('opmlImported', [String(result.added), String(result.duplicates), String(result.invalid)]) });
      onImported();
    } catch (caught) {
      // A file over the protocol's 5 MB limit is refused by the message schema: the same sentence.
      setNotice({ tone: 'error', text: t(caught instanceof MessageError && caught.info.code !== 'bad-message' ? caught.info.messageKey : 'opmlUnreadable') });
    }
  };

  const exportFile = async () => {
    const { text } = await send('opmlExport', {});
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text], { type: 'text/x-opml' }));
    link.download = 'siar-feeds.opml';
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  };

  return (
    <div class="opml-tools">
      <label class="file-button">
        {t('opmlImport')}
        <input type="file" accept=".opml,.xml,text/xml,text/x-opml" data-testid="opml-import" onChange={importFile} />
      </label>
      <button type="button" data-testid="opml-export" onClick={exportFile}>
        {t('opmlExport')}
      </button>
      {risky && (
        <div class="notice notice-warning notice-stack" role="alert" data-testid="opml-risky">
          <span>{t('opmlRiskyFeeds')}</span>
          <ul>
            {risky.hosts.map((host) => (
              <li key={host}>{host}</li>
            ))}
          </ul>
          <button type="button" data-testid="opml-risky-confirm" onClick={() => void importText(risky.text, true)}>
            {t('opmlRiskyConfirm')}
          </button>
          <button type="button" onClick={() => setRisky(undefined)}>
            {t('importCancel')}
          </button>
        </div>
      )}
      {notice && (
        <Alert tone={notice.tone} testId="opml-result">
          {notice.text}
        </Alert>
      )}
    </div>
  );
}
