/**
 * The right-click menu. Electron shows none by default: everything arrives in webContents' `context-menu`
 * event (spelling suggestions included), and this builds the menu from it as a pure template.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { isAppPage } from './appProtocol.js';
import { safeExternalUrl } from './externalLinks.js';

/** The part of Electron's ContextMenuParams the menu reads. */
export interface ContextMenuParams {
  misspelledWord: string;
  dictionarySuggestions: string[];
  isEditable: boolean;
  selectionText: string;
  linkURL: string;
  editFlags: {
    canUndo: boolean;
    canRedo: boolean;
    canCut: boolean;
    canCopy: boolean;
    canPaste: boolean;
    canSelectAll: boolean;
  };
}

/** An action of the page itself (copy a key, insert a requirement), offered by the renderer. */
export interface PageAction {
  id: string;
  label: string;
}

export interface ContextMenuCommands {
  replaceMisspelling(word: string): void;
  addToDictionary(word: string): void;
  /** An in-app link (`#/doc/…`) navigates inside the page; any other goes through the guarded opener. */
  openLink(url: string): void;
  copyText(text: string): void;
  runPageAction(id: string): void;
}

const maxSuggestions = 5;

/** Only links a click could follow: the app's own pages and the schemes the guarded opener allows. */
function openableLink(url: string): 'app' | 'external' | undefined {
  if (url === '') return undefined;
  // An in-app link goes to a route (`#/doc/…`); a broken reference chip's bare `#` goes nowhere.
  if (isAppPage(url)) return new URL(url).hash.startsWith('#/') ? 'app' : undefined;
  return safeExternalUrl(url) === undefined ? undefined : 'external';
}

function section(...groups: MenuItemConstructorOptions[][]): MenuItemConstructorOptions[] {
  const filled = groups.filter((group) => group.length > 0);
  return filled.flatMap((group, index) => (index === 0 ? group : [{ type: 'separator' as const }, ...group]));
}

export function buildContextMenuTemplate(
  params: ContextMenuParams,
  commands: ContextMenuCommands,
  pageActions: readonly PageAction[] = [],
): MenuItemConstructorOptions[] {
  const spelling: MenuItemConstructorOptions[] = [];
  const word = params.misspelledWord;
  if (params.isEditable && word !== '') {
    const suggestions = params.dictionarySuggestions.slice(0, maxSuggestions);
    spelling.push(
      ...(suggestions.length > 0
        ? suggestions.map((suggestion) => ({
            label: suggestion,
            click: () => commands.replaceMisspelling(suggestion),
          }))
        : [{ label: 'No Spelling Suggestions', enabled: false }]),
      { label: 'Add to Dictionary', click: () => commands.addToDictionary(word) },
    );
  }

  const link: MenuItemConstructorOptions[] = [];
  const kind = openableLink(params.linkURL);
  if (kind) {
    link.push({ label: 'Open Link', click: () => commands.openLink(params.linkURL) });
    // An in-app address means nothing outside the app; an external one is worth copying.
    if (kind === 'external') {
      link.push({ label: 'Copy Link Address', click: () => commands.copyText(params.linkURL) });
    }
  }

  const page: MenuItemConstructorOptions[] = pageActions.map((action) => ({
    label: action.label,
    click: () => commands.runPageAction(action.id),
  }));

  const flags = params.editFlags;
  const edit: MenuItemConstructorOptions[] = params.isEditable
    ? [
        { role: 'undo', enabled: flags.canUndo },
        { role: 'redo', enabled: flags.canRedo },
        { type: 'separator' },
        { role: 'cut', enabled: flags.canCut },
        { role: 'copy', enabled: flags.canCopy },
        { role: 'paste', enabled: flags.canPaste },
        { role: 'pasteAndMatchStyle', enabled: flags.canPaste },
        { role: 'selectAll', enabled: flags.canSelectAll },
      ]
    : params.selectionText.trim() !== ''
      ? [{ role: 'copy', enabled: flags.canCopy }]
      : [];

  return section(spelling, link, page, edit);
}
