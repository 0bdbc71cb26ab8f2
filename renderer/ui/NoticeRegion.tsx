/**
 * The one place notices show, whichever page or hook made them: a column at the bottom centre, the
 * newest nearest the edge, so a second notice never covers the first (a "Renamed to …" hid under a
 * Delete's notice, Undo and all). At most three stay: a fourth sends the oldest away as if its time ran
 * out, though not one under the pointer or focus, nor one that stays until closed.
 */
import { createContext, useMemo, useState, type ReactNode } from 'react';
import './toast.css';

/** How many notices show at once. */
export const noticeCap = 3;

export interface StackedNotice {
  /** Sends the notice away, as its timer would. */
  close(): void;
  /** Whether it must stay: under the pointer or focus, or until closed. */
  kept(): boolean;
}

/** The notices shown, oldest first, and the cap on them. */
export class NoticeStack {
  private readonly shown: StackedNotice[] = [];

  constructor(private readonly cap = noticeCap) {}

  /** Shows one more, sending the oldest away past the cap; answers how to take it off again. */
  add(notice: StackedNotice): () => void {
    this.shown.push(notice);
    if (this.shown.length > this.cap) {
      const older = this.shown.slice(0, -1);
      const oldest = older.find((each) => !each.kept()) ?? older[0]!;
      this.remove(oldest);
      oldest.close();
    }
    return () => this.remove(notice);
  }

  private remove(notice: StackedNotice): void {
    const at = this.shown.indexOf(notice);
    if (at >= 0) this.shown.splice(at, 1);
  }
}

export interface NoticeHost {
  /** Where notices render; null until the region is in the page. */
  element: HTMLElement | null;
  stack: NoticeStack;
}

export const NoticeHostContext = createContext<NoticeHost | undefined>(undefined);

/** Hosts every Toast rendered inside it; the region itself lets clicks through to the page. */
export function NoticeRegion({ children }: { children: ReactNode }) {
  const [element, setElement] = useState<HTMLElement | null>(null);
  const [stack] = useState(() => new NoticeStack());
  const host = useMemo(() => ({ element, stack }), [element, stack]);
  return (
    <NoticeHostContext.Provider value={host}>
      {children}
      <div className="notice-region" ref={setElement} />
    </NoticeHostContext.Provider>
  );
}
