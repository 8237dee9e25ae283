import { useEffect } from 'preact/hooks';
import type { WatchRow } from '../../utils/db';
import { t } from '../../utils/i18n';
import { MentionItem, ROW_HEIGHT } from './MentionItem';
import type { MentionList as ListData } from './useMentionList';
import { useVirtualList } from './useVirtualList';

export interface MentionListProps {
  list: ListData;
  watches: ReadonlyMap<number, WatchRow>;
  terms: readonly string[];
  activeIndex: number;
  selected: ReadonlySet<number>;
  now: number;
  lang: 'id' | 'en';
  timeZone: string;
  filterKey: string;
  onActivate(index: number): void;
  onSelect(id: number, on: boolean): void;
  onStar(index: number): void;
  onArchive(index: number): void;
  onOpened(index: number): void;
}

/** The virtualized list: only rows in view are rendered and only their rows are read from IndexedDB. */
export function MentionList(p: MentionListProps) {
  const { setScrollElement, virtualizer, items, totalSize } = useVirtualList(p.list.length, ROW_HEIGHT);
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => p.list.showRange(first, last), [first, last, p.list]);
  useEffect(() => {
    if (p.activeIndex >= 0) virtualizer.scrollToIndex(p.activeIndex, { align: 'auto' });
  }, [p.activeIndex, virtualizer]);
  return (
    <div
      class="mention-scroll"
      ref={setScrollElement}
      role="feed"
      aria-label={t('panelListLabel')}
      aria-busy={!p.list.ready}
      data-testid="mention-list"
      data-ready={p.list.ready ? 'true' : 'false'}
      data-filter-key={p.filterKey}
    >
      <div class="mention-canvas" style={{ height: `${totalSize}px` }}>
        {items.map((item) => {
          const row = p.list.rowAt(item.index);
          if (!row) return <div key={item.key} class="mention-placeholder" style={{ transform: `translateY(${item.start}px)`, height: `${ROW_HEIGHT}px` }} />;
          return (
            <MentionItem
              key={row.id}
              row={row}
              top={item.start}
              watches={p.watches}
              outlets={p.list.outlets(row)}
              terms={p.terms}
              active={item.index === p.activeIndex}
              selected={p.selected.has(row.id!)}
              now={p.now}
              lang={p.lang}
              timeZone={p.timeZone}
              onActivate={() => p.onActivate(item.index)}
              onSelect={(on) => p.onSelect(row.id!, on)}
              onStar={() => p.onStar(item.index)}
              onArchive={() => p.onArchive(item.index)}
              onOpened={() => p.onOpened(item.index)}
            />
          );
        })}
      </div>
    </div>
  );
}
