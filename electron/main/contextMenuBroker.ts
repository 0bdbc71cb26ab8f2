/**
 * Pairs a right-click with the page's actions for it. The order is causal: the page's DOM `contextmenu`
 * event (where it notes what was clicked) comes before webContents' `context-menu` in main, which asks
 * the page (onDidRequestContextMenu); the page answers with showContextMenu and the menu opens. A page
 * that does not answer in `waitMs` still gets the spelling and edit items.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type {
  ContextMenuRequest,
  MethodInput,
  MethodOutput,
  PageAction,
  PageActionId,
} from '../../shared/contract/apiContract.js';
import { buildContextMenuTemplate, type ContextMenuCommands, type ContextMenuParams } from './contextMenu.js';

export interface ContextMenuBrokerOptions {
  /** Asks the page (webContents.send on the context menu channel). */
  ask(request: ContextMenuRequest): void;
  /** Shows the menu; `closed` runs when it closes, chosen or not (Menu.popup's callback). */
  popup(template: MenuItemConstructorOptions[], closed: () => void): void;
  commands: Omit<ContextMenuCommands, 'runPageAction'>;
  waitMs?: number;
  /** How long after the menu closes a click may still arrive: platforms differ in which comes first. */
  clickGraceMs?: number;
}

interface Pending {
  requestId: number;
  params: ContextMenuParams;
  timer: ReturnType<typeof setTimeout>;
}

type Shown = MethodOutput<'showContextMenu'>;

export class ContextMenuBroker {
  private sequence = 0;
  private pending: Pending | undefined;

  constructor(private readonly options: ContextMenuBrokerOptions) {}

  /** webContents' `context-menu`: a newer right-click replaces one the page has not answered. */
  request(params: ContextMenuParams): void {
    if (this.pending) clearTimeout(this.pending.timer);
    const requestId = ++this.sequence;
    const timer = setTimeout(() => {
      if (this.pending?.requestId !== requestId) return;
      this.pending = undefined;
      void this.open(params, []);
    }, this.options.waitMs ?? 300);
    this.pending = { requestId, params, timer };
    this.options.ask({ requestId });
  }

  /** The page's answer through the contract. */
  show(input: MethodInput<'showContextMenu'>): Promise<Shown> {
    const pending = this.pending;
    if (!pending || pending.requestId !== input.requestId) {
      return Promise.resolve({ ok: false, error: 'no-menu', message: 'That right-click has passed.' });
    }
    clearTimeout(pending.timer);
    this.pending = undefined;
    return this.open(pending.params, input.actions);
  }

  private open(params: ContextMenuParams, actions: readonly PageAction[]): Promise<Shown> {
    return new Promise((resolve) => {
      let answered = false;
      const answer = (chosen: PageActionId | null) => {
        if (answered) return;
        answered = true;
        resolve({ ok: true, chosen });
      };
      const template = buildContextMenuTemplate(
        params,
        {
          ...this.options.commands,
          runPageAction: (id) => {
            const action = actions.find((each) => each.id === id);
            if (!action) return;
            if (action.id === 'copy-key' && action.text) this.options.commands.copyText(action.text);
            answer(action.id);
          },
        },
        actions,
      );
      if (template.length === 0) return answer(null);
      this.options.popup(template, () => {
        setTimeout(() => answer(null), this.options.clickGraceMs ?? 250);
      });
    });
  }
}
