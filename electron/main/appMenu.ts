/** The native menu, as a pure template: every action goes through the commands the main process passes in. */
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuCommands {
  newDocument(type: 'spec' | 'story' | 'faq'): void;
  /** A plain Markdown note (no key, no front matter), as the palette and the navigator make. */
  newNote(): void;
  openWorkspace(): void;
  openRecent(folder: string): void;
  /** Navigates the renderer to one of its hash routes (`#/roadmap`). */
  navigate(hash: string): void;
  openSample(): void;
  setSpelling(enabled: boolean): void;
}

/** Spelling as the Edit menu shows it: where turning it on downloads a dictionary, the item says so. */
export interface SpellingState {
  enabled: boolean;
  downloads: boolean;
}

export function buildMenuTemplate(
  commands: MenuCommands,
  recent: string[],
  platform: NodeJS.Platform,
  spelling: SpellingState,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'New Spec', accelerator: 'CmdOrCtrl+N', click: () => commands.newDocument('spec') },
      { label: 'New Story', accelerator: 'CmdOrCtrl+Shift+N', click: () => commands.newDocument('story') },
      { label: 'New FAQ', click: () => commands.newDocument('faq') },
      { label: 'New Note', click: () => commands.newNote() },
      { type: 'separator' },
      { label: 'Open Workspace…', accelerator: 'CmdOrCtrl+O', click: () => commands.openWorkspace() },
      {
        label: 'Open Recent',
        enabled: recent.length > 0,
        submenu: recent.map((folder) => ({
          label: `${path.basename(folder)} — ${folder}`,
          click: () => commands.openRecent(folder),
        })),
      },
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'pasteAndMatchStyle' },
      { role: 'selectAll' },
      { type: 'separator' },
      {
        label: spelling.downloads
          ? 'Check Spelling While Typing (downloads a dictionary)'
          : 'Check Spelling While Typing',
        type: 'checkbox',
        checked: spelling.enabled,
        click: () => commands.setSpelling(!spelling.enabled),
      },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { label: 'Home', accelerator: 'CmdOrCtrl+1', click: () => commands.navigate('#/') },
      { label: 'Roadmap', accelerator: 'CmdOrCtrl+2', click: () => commands.navigate('#/roadmap') },
      { label: 'Timeline', accelerator: 'CmdOrCtrl+3', click: () => commands.navigate('#/timeline') },
      { label: 'Stories', accelerator: 'CmdOrCtrl+4', click: () => commands.navigate('#/stories') },
      { label: 'Traceability', accelerator: 'CmdOrCtrl+5', click: () => commands.navigate('#/trace') },
      { label: 'Problems', accelerator: 'CmdOrCtrl+6', click: () => commands.navigate('#/problems') },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      { label: 'Open the Sample Workspace', click: () => commands.openSample() },
      ...(mac ? [] : [{ role: 'about' as const }]),
    ],
  };
  return [...(mac ? [{ role: 'appMenu' as const }] : []), file, edit, view, { role: 'windowMenu' }, help];
}
