/**
 * What the page adds to the desktop app's right-click menu. The DOM's `contextmenu` event reaches the
 * page before the main process hears of the right-click, so the element is noted here first; when main
 * asks (onDidRequestContextMenu), the page answers with the actions for it (showContextMenu) and runs
 * the one chosen. Copy Key is the main process's to do (it owns the clipboard); features add their own.
 */
import { createContext, useContext, useEffect } from 'react';
import type { PageAction, SpecbenchApi } from '../../shared/contract/apiContract.js';

export interface PageActionOffer {
  action: PageAction;
  /** Runs in the page when chosen (Copy Key has nothing to run here). */
  run?: () => void;
}

/** A feature's offers for the right-clicked element (none when it is not the feature's). */
export type PageActionProvider = (target: Element) => PageActionOffer[];

/** Elements that show a key carry it here: reference chips, requirement cards, roadmap cards. */
const keyAttributes = ['data-reference-key', 'data-requirement', 'data-key'] as const;

/** The key the right-clicked element shows, if any (the innermost one). */
export function keyAt(target: Element): string | undefined {
  const holder = target.closest(keyAttributes.map((name) => `[${name}]`).join(', '));
  if (!holder) return undefined;
  for (const name of keyAttributes) {
    const key = holder.getAttribute(name);
    if (key) return key;
  }
  return undefined;
}

export class PageActions {
  private readonly providers = new Set<PageActionProvider>();

  provide(provider: PageActionProvider): () => void {
    this.providers.add(provider);
    return () => {
      this.providers.delete(provider);
    };
  }

  at(target: Element): PageActionOffer[] {
    const key = keyAt(target);
    const offers: PageActionOffer[] = key
      ? [{ action: { id: 'copy-key', label: `Copy Key ${key}`, text: key } }]
      : [];
    for (const provider of this.providers) offers.push(...provider(target));
    return offers;
  }

  /** Answers the desktop's right-click requests about what was right-clicked last; returns a stop function. */
  connect(api: SpecbenchApi, page: Document): () => void {
    let target: Element | null = null;
    const note = (event: Event) => {
      target = event.target instanceof Element ? event.target : null;
    };
    page.addEventListener('contextmenu', note, true);
    const stop = api.onDidRequestContextMenu(({ requestId }) => {
      const offers = target ? this.at(target) : [];
      void api.showContextMenu({ requestId, actions: offers.map((offer) => offer.action) }).then((shown) => {
        if (shown.ok && shown.chosen) offers.find((offer) => offer.action.id === shown.chosen)?.run?.();
      });
    });
    return () => {
      page.removeEventListener('contextmenu', note, true);
      stop();
    };
  }
}

export const PageActionsContext = createContext<PageActions | undefined>(undefined);

/** Offers a feature's actions while it is mounted; pass a stable provider (useCallback). */
export function usePageActions(provider: PageActionProvider | undefined): void {
  const actions = useContext(PageActionsContext);
  useEffect(() => (provider && actions ? actions.provide(provider) : undefined), [actions, provider]);
}
