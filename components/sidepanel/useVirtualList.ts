import { elementScroll, observeElementOffset, Virtualizer, type VirtualizerOptions } from '@tanstack/virtual-core';
import { useLayoutEffect, useReducer, useState } from 'preact/hooks';

type Observer = VirtualizerOptions<HTMLDivElement, HTMLElement>['observeElementRect'];

/**
 * The scroll element's size from a ResizeObserver only, which reports after the browser's own layout.
 * virtual-core's observeElementRect also measures at once, in the first render's layout effect, which
 * forces a layout of the whole page there and again before the first paint. Until the observer reports,
 * the list assumes the window's height (`initialRect`): rows beyond the element are clipped, none missing.
 */
const observeRectAfterLayout: Observer = (instance, cb) => {
  const element = instance.scrollElement;
  if (!element || typeof ResizeObserver === 'undefined') return undefined;
  const observer = new ResizeObserver(() => cb({ width: element.clientWidth, height: element.clientHeight }));
  observer.observe(element);
  return () => observer.disconnect();
};

/** A new scroll element starts at offset 0 (virtual-core's initialOffset): its first read can wait a frame. */
const observeOffsetNextFrame: VirtualizerOptions<HTMLDivElement, HTMLElement>['observeElementOffset'] = (instance, cb) => {
  let stop: (() => void) | undefined;
  const frame = requestAnimationFrame(() => {
    stop = observeElementOffset(instance, cb);
  });
  return () => {
    cancelAnimationFrame(frame);
    stop?.();
  };
};

/**
 * Scrolling to where the list already is only forces a layout: virtual-core does that once as the
 * scroll element mounts (to `initialOffset`, 0, where a new element already is).
 */
const scrollUnlessThere: VirtualizerOptions<HTMLDivElement, HTMLElement>['scrollToFn'] = (offset, options, instance) => {
  if (offset === instance.scrollOffset && !options.adjustments) return;
  elementScroll(offset, options, instance);
};

/**
 * @tanstack/virtual-core for Preact: only the rows in view (plus `overscan`) exist in the DOM, so
 * 100,000 mentions scroll like 20. Rows have one fixed height, which keeps the maths exact.
 * The scroll element arrives through a callback ref (`setScrollElement`).
 */
export function useVirtualList(count: number, rowHeight: number, overscan = 6) {
  const [scrollElement, setScrollElement] = useState<HTMLDivElement | null>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const options: VirtualizerOptions<HTMLDivElement, HTMLElement> = {
    count,
    getScrollElement: () => scrollElement,
    estimateSize: () => rowHeight,
    overscan,
    initialRect: { width: 0, height: typeof window === 'undefined' ? 0 : window.innerHeight },
    scrollToFn: scrollUnlessThere,
    observeElementRect: observeRectAfterLayout,
    observeElementOffset: observeOffsetNextFrame,
    onChange: () => rerender(0),
  };
  const [virtualizer] = useState(() => new Virtualizer(options));
  virtualizer.setOptions(options);
  useLayoutEffect(() => virtualizer._didMount(), [virtualizer]);
  useLayoutEffect(() => virtualizer._willUpdate());
  return { setScrollElement, virtualizer, items: virtualizer.getVirtualItems(), totalSize: virtualizer.getTotalSize() };
}
