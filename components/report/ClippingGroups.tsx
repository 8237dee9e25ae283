import { t } from '../../utils/i18n';
import type { ClippingGroup } from '../../utils/report/clipping';
import { TONE_KEYS } from '../../utils/sidepanel/labels';

/** The clipping book's body: one section per watch, items grouped by story, numbered through the report. */
export function ClippingGroups({ groups, time, lang }: { groups: readonly ClippingGroup[]; time: Intl.DateTimeFormat; lang: string }) {
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
  // Numbered through the whole report, as a clipping book is.
  const numbers = new Map(groups.flatMap((g) => g.stories.flatMap((s) => s.items)).map((item, i) => [item, i + 1]));
  return (
    <>
      {groups.map((group) => (
        <section class="report-group" key={group.watchId ?? 'other'} data-testid="report-group">
          <h2>
            {group.name} <span class="muted">· {t('reportCount', number.format(group.count))}</span>
          </h2>
          <table>
            <thead>
              <tr>
                <th>#</th>
                <th>{t('reportTime')}</th>
                <th>{t('reportOutlet')}</th>
                <th>{t('reportHeadline')}</th>
                <th>{t('reportTone')}</th>
                <th>{t('reportLink')}</th>
              </tr>
            </thead>
            {group.stories.map((story) => (
              <tbody key={story.key} class="report-story" data-testid="report-story">
                {story.items.length > 1 && (
                  <tr class="story-head">
                    <td colSpan={6}>{t('reportStoryOutlets', number.format(story.items.length))}</td>
                  </tr>
                )}
                {story.items.map((item) => (
                  <tr key={item.id} data-testid="report-row">
                    <td>{number.format(numbers.get(item) ?? 0)}</td>
                    <td class="nowrap">{time.format(item.at)}</td>
                    <td>{item.outlet}</td>
                    <td>
                      <strong class="report-headline">{item.headline}</strong>
                      {item.excerpt && (
                        <p class="report-excerpt" data-testid="report-excerpt">
                          {item.excerpt}
                        </p>
                      )}
                    </td>
                    <td>{t(TONE_KEYS[item.tone])}</td>
                    <td class="link">
                      {item.link ? (
                        <a href={item.link} target="_blank" rel="noopener noreferrer">
                          {item.link}
                        </a>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </section>
      ))}
    </>
  );
}
