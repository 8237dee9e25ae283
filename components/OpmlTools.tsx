import { useState } from 'preact/hooks';
import { t, type MessageKey } from '../utils/i18n';
import { MessageError, send } from '../utils/messages';
import { Alert } from './Alert';

/** OPML in (a file from another feed reader) and out (a download of Siar's feeds). */
export function OpmlTools({ onImported }: { onImported(): void }) {
  const [notice, setNotice] = useState<{ tone: 'error' | 'info'; text: string }>();

  const importFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      const result = await send('opmlImport', { text: await file.text() });
      if (!result.ok) return setNotice({ tone: 'error', text: t(result.messageKey as MessageKey) });
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
      <button type="button" data-testid="opml-export" onClick={exportFile}>{t('opmlExport')}</button>
      {notice && <Alert tone={notice.tone} testId="opml-result">{notice.text}</Alert>}
    </div>
  );
}
