// @vitest-environment jsdom
import { act, createElement as h, useEffect, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NoticeRegion, NoticeStack } from './NoticeRegion.js';
import { Toast } from './Toast.js';
import { useUndoNotice, type UndoNoticeEntry } from './useUndoNotice.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('NoticeStack', () => {
  // Each case: which of the shown notices must stay (held or until closed), then which ones a new one sends away.
  const cases: { name: string; kept: boolean[]; closed: number[] }[] = [
    { name: 'under the cap, none goes', kept: [false, false], closed: [] },
    { name: 'past the cap, the oldest goes', kept: [false, false, false], closed: [0] },
    { name: 'the oldest held, the next oldest goes', kept: [true, false, false], closed: [1] },
    { name: 'all held, the oldest goes all the same', kept: [true, true, true], closed: [0] },
  ];
  for (const { name, kept, closed } of cases) {
    it(name, () => {
      const stack = new NoticeStack(3);
      const gone: number[] = [];
      kept.forEach((stays, at) => stack.add({ close: () => gone.push(at), kept: () => stays }));
      stack.add({ close: () => gone.push(kept.length), kept: () => false });
      expect(gone).toEqual(closed);
    });
  }

  it('a notice taken off leaves room: the next one sends none away', () => {
    const stack = new NoticeStack(2);
    const gone: string[] = [];
    const notice = (name: string) => ({ close: () => gone.push(name), kept: () => false });
    stack.add(notice('a'));
    const takeOff = stack.add(notice('b'));
    takeOff();
    stack.add(notice('c'));
    expect(gone).toEqual([]);
  });
});

describe('NoticeRegion', () => {
  let root: Root | undefined;
  let container: HTMLElement | undefined;
  afterEach(() => {
    act(() => root?.unmount());
    container?.remove();
    vi.useRealTimers();
  });

  function render(node: ReactNode): HTMLElement {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    act(() => root!.render(node));
    return container;
  }

  const texts = (page: HTMLElement) =>
    [...page.querySelectorAll('.notice-region [role="status"]')].map(
      (notice) => notice.querySelector('.toast-message')!.textContent,
    );

  /** A page part with its own notice, as the title field's "Renamed to …" is. */
  function OwnNotice({ message }: { message: string }) {
    return h(Toast, { message, onClose: () => undefined, duration: 'until-closed' });
  }

  /** Shows what it is handed through one useUndoNotice, as the app's Delete does. */
  function UndoNotices({ entries }: { entries: UndoNoticeEntry[] }) {
    const { show, notice } = useUndoNotice();
    useEffect(() => entries.forEach(show), [entries, show]);
    return h('div', null, notice);
  }

  it('shows notices from different parts of the page in one region, oldest first, each with its own Undo', () => {
    const log: string[] = [];
    const page = render(
      h(
        NoticeRegion,
        null,
        h(OwnNotice, { message: 'Renamed to “Plan”.' }),
        h(UndoNotices, {
          entries: ['A', 'B'].map((name) => ({
            message: `Deleted “${name}”.`,
            undo: () => log.push(`undo ${name}`),
            release: () => log.push(`release ${name}`),
          })),
        }),
      ),
    );
    // Each notice is its own polite live region (role status); the region around them is none, so nothing is read twice.
    const region = page.querySelectorAll('.notice-region');
    expect({
      regions: region.length,
      attributes: region[0]!.getAttributeNames(),
      texts: texts(page),
    }).toEqual({
      regions: 1,
      attributes: ['class'],
      texts: ['Renamed to “Plan”.', 'Deleted “A”.', 'Deleted “B”.'],
    });
    const undoA = [...page.querySelectorAll('button')].find(
      (button) => button.closest('.toast')?.textContent?.includes('“A”') && button.textContent === 'Undo',
    );
    act(() => undoA!.click());
    expect({ log, texts: texts(page) }).toEqual({
      log: ['undo A'],
      texts: ['Renamed to “Plan”.', 'Deleted “B”.'],
    });
  });

  it('a fourth notice sends the oldest that may go away, releasing it; the rest go on their own timers', () => {
    vi.useFakeTimers();
    const log: string[] = [];
    const entry = (name: string, duration: number): UndoNoticeEntry => ({
      message: `Deleted “${name}”.`,
      duration,
      undo: () => log.push(`undo ${name}`),
      release: () => log.push(`release ${name}`),
    });
    const page = render(
      h(
        NoticeRegion,
        null,
        h(OwnNotice, { message: 'Links now lead to Plan.md.' }),
        h(UndoNotices, { entries: [entry('A', 1_000), entry('B', 1_000), entry('C', 5_000)] }),
      ),
    );
    const capped = { log: [...log], texts: texts(page) };
    act(() => vi.advanceTimersByTime(1_000));
    const afterB = { log: [...log], texts: texts(page) };
    act(() => vi.advanceTimersByTime(4_000));
    expect([capped, afterB, { log, texts: texts(page) }]).toEqual([
      { log: ['release A'], texts: ['Links now lead to Plan.md.', 'Deleted “B”.', 'Deleted “C”.'] },
      { log: ['release A', 'release B'], texts: ['Links now lead to Plan.md.', 'Deleted “C”.'] },
      { log: ['release A', 'release B', 'release C'], texts: ['Links now lead to Plan.md.'] },
    ]);
  });

  it('outside a region a notice stands alone in a region of its own', () => {
    const page = render(h(OwnNotice, { message: 'Saved.' }));
    expect(texts(page)).toEqual(['Saved.']);
  });
});
