/**
 * A long table's rows (or a feed's articles) rendered only near the viewport: the page scrolls as
 * before (its nearest scrolling ancestor), the table keeps its semantics, and spacer rows (or the
 * container's padding) stand in for the rest.
 */
import { useVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useRef, useState } from 'react';

export interface VirtualRows {
  /** Goes on the `<tbody>` (or the list's element): its offset inside the scroller places the window. */
  bodyRef: (element: HTMLElement | null) => void;
  rows: VirtualItem[];
  /** Heights of the spacer rows above and below the rendered ones. */
  before: number;
  after: number;
  /** Goes on each rendered `<tr>` (with `data-index`), so rows taller than estimated are measured. */
  measureRow: (element: Element | null) => void;
}

function scrollParent(element: HTMLElement): HTMLElement {
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    const { overflowY } = getComputedStyle(parent);
    if (overflowY === 'auto' || overflowY === 'scroll') return parent;
  }
  return document.documentElement;
}

export function useVirtualRows(count: number, estimatedRowHeight: number, overscan = 12): VirtualRows {
  const [body, setBody] = useState<HTMLElement | null>(null);
  const scroller = useRef<HTMLElement | null>(null);
  const [offset, setOffset] = useState(0);
  const bodyRef = useCallback((element: HTMLElement | null) => setBody(element), []);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => estimatedRowHeight,
    overscan,
    scrollMargin: offset,
    // The first render already fills a window-sized viewport; the real size follows on mount.
    initialRect: { width: 0, height: typeof window === 'undefined' ? 800 : window.innerHeight },
  });
  useLayoutEffect(() => {
    if (!body) return;
    scroller.current = scrollParent(body);
    const place = (): void => {
      const top = body.getBoundingClientRect().top - scroller.current!.getBoundingClientRect().top;
      setOffset(Math.round(top + scroller.current!.scrollTop));
    };
    place();
    // Content above the table (filters, a summary) may change height after the first paint.
    const observer = new ResizeObserver(place);
    observer.observe(scroller.current.firstElementChild ?? scroller.current);
    return () => observer.disconnect();
  }, [body]);
  const rows = virtualizer.getVirtualItems();
  const first = rows[0];
  const last = rows[rows.length - 1];
  return {
    bodyRef,
    rows,
    before: first ? first.start - offset : 0,
    after: last ? virtualizer.getTotalSize() - (last.end - offset) : 0,
    measureRow: virtualizer.measureElement,
  };
}
