/**
 * The document's side panel (Links, Comments) as every view shares it: which tab is shown and, where
 * the window is too narrow for a third column, whether it is open as a drawer over the document.
 * Whatever targets the panel (Comment, a thread link, the toggle, its shortcut) opens it here.
 */
import { createContext, useContext, useSyncExternalStore } from 'react';
import { shortcutLabel } from './keyboardShortcuts.js';

export type SidePanelTab = 'links' | 'comments';

export interface SidePanelSnapshot {
  readonly open: boolean;
  readonly tab: SidePanelTab;
}

/** Below this width the panel is a drawer (app.css has the same figure). */
export const narrowLayoutQuery = '(max-width: 1100px)';

export class SidePanel {
  private snapshot: SidePanelSnapshot = { open: false, tab: 'links' };
  private readonly listeners = new Set<() => void>();
  /** Where the focus was when the drawer opened: it goes back there when the drawer closes. */
  private returnFocus: HTMLElement | undefined;

  get state(): SidePanelSnapshot {
    return this.snapshot;
  }

  show(tab?: SidePanelTab): void {
    if (!this.snapshot.open) {
      const active = document.activeElement;
      this.returnFocus = active instanceof HTMLElement && active !== document.body ? active : undefined;
    }
    this.set({ open: true, tab: tab ?? this.snapshot.tab });
  }

  choose(tab: SidePanelTab): void {
    this.set({ ...this.snapshot, tab });
  }

  /** Closes the drawer; `restoreFocus` puts the focus back where it was when it opened. */
  hide(restoreFocus = false): void {
    if (!this.snapshot.open) return;
    this.set({ ...this.snapshot, open: false });
    const target = this.returnFocus;
    this.returnFocus = undefined;
    if (restoreFocus && target?.isConnected) target.focus();
  }

  toggle(): void {
    if (this.snapshot.open) this.hide(true);
    else this.show();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  private set(next: SidePanelSnapshot): void {
    if (next.open === this.snapshot.open && next.tab === this.snapshot.tab) return;
    this.snapshot = next;
    for (const listener of [...this.listeners]) listener();
  }
}

export const SidePanelContext = createContext<SidePanel | undefined>(undefined);

/** The shared panel and its current state (undefined outside the app shell, e.g. in a unit test). */
export function useSidePanel(): { panel: SidePanel | undefined; state: SidePanelSnapshot } {
  const panel = useContext(SidePanelContext);
  const state = useSyncExternalStore(
    panel?.subscribe ?? noSubscribe,
    () => panel?.state ?? closed,
    () => closed,
  );
  return { panel, state };
}

const closed: SidePanelSnapshot = { open: false, tab: 'links' };
const noSubscribe = () => () => undefined;

/** What a page's "Links & comments" toggle shows and does (open threads on `documentKey` as its badge). */
export function useSidePanelToggle(
  counts: Readonly<Record<string, number>>,
  documentKey: string | undefined,
) {
  const { panel, state } = useSidePanel();
  return {
    open: state.open,
    onToggle: () => panel?.toggle(),
    count: documentKey ? (counts[documentKey] ?? 0) : 0,
    keys: shortcutLabel('sidePanel'),
  };
}
