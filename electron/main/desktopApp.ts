/** The desktop shell: windows, guards, protocol, menu and workspace switching, over injected services. */
import { promises as fs } from 'node:fs';
import {
  BrowserWindow,
  Menu,
  clipboard,
  dialog,
  ipcMain,
  protocol,
  session,
  shell,
  type App,
  type WebContents,
} from 'electron';
import {
  changeEventChannel,
  contextMenuEventChannel,
  type MethodInput,
} from '../../shared/contract/apiContract.js';
import type { ApiService } from '../services/apiService.js';
import type { WorkspaceSession } from '../services/workspaceSession.js';
import { appEntryUrl, appScheme, isAppPage, resolveAppRequest } from './appProtocol.js';
import { buildMenuTemplate } from './appMenu.js';
import type { DesktopShell } from './appLifecycle.js';
import type { AppStateStore } from './appStateStore.js';
import { ContextMenuBroker } from './contextMenuBroker.js';
import { openWorkspaceDefaultPath } from './dialogPaths.js';
import { openExternalSafely } from './externalLinks.js';
import { watchExportDownloads } from './exportDownloads.js';
import { registerIpcHandlers } from './ipcHandlers.js';
import { denyAllPermissions, guardContents } from './navigationGuard.js';
import { installSampleWorkspace } from './sampleWorkspace.js';
import { applySpelling, spellingDefault, spellingDownloads } from './spellcheck.js';
import { createWindowOptions } from './windowOptions.js';

export interface DesktopPaths {
  rendererRoot: string;
  preload: string;
  bundledSample: string;
  userData: string;
}

const documentTitles = { spec: 'Untitled spec', story: 'Untitled story', faq: 'Untitled FAQ' } as const;

export class DesktopApp implements DesktopShell {
  private window: BrowserWindow | undefined;
  private readonly contextMenus = this.createContextMenus();

  constructor(
    private readonly app: App,
    private readonly paths: DesktopPaths,
    private readonly appState: AppStateStore,
    private readonly workspaces: WorkspaceSession,
  ) {}

  async start(requestedFolder?: string): Promise<void> {
    // Before the first window: on Windows and Linux spelling would otherwise fetch a dictionary at start.
    this.applySpelling();
    this.denyPermissionsAndNavigation();
    watchExportDownloads(session.defaultSession, {
      offerShowInFolder: async (fileName) => {
        const options = {
          type: 'info' as const,
          message: `Exported ${fileName}`,
          buttons: ['Show in folder', 'OK'],
          defaultId: 1,
          cancelId: 1,
        };
        const answer = this.window
          ? await dialog.showMessageBox(this.window, options)
          : await dialog.showMessageBox(options);
        return answer.response === 0;
      },
      showInFolder: (savedPath) => shell.showItemInFolder(savedPath),
    });
    protocol.handle(appScheme, (request) => this.serveAppRequest(request.url));
    registerIpcHandlers(ipcMain, this.api());
    this.workspaces.onDidChangeWorkspace((event) => this.window?.webContents.send(changeEventChannel, event));
    await this.openFirstWorkspace(requestedFolder);
    this.refreshMenu();
    this.createWindow();
  }

  /** Opens a folder named by the user (menu, dialog, or a second launch), reporting failures. */
  async openFolder(folder: string): Promise<void> {
    await this.openWorkspace(folder, true);
  }

  async close(): Promise<void> {
    await this.workspaces.close();
  }

  focus(): void {
    if (!this.window) return this.createWindow();
    if (this.window.isMinimized()) this.window.restore();
    this.window.focus();
  }

  createWindow(): void {
    const { bounds, maximized } = this.appState.windowState();
    // Electronegativity cannot follow the options into createWindowOptions; windowOptions.test.ts asserts
    // contextIsolation, sandbox and no Node, and window.open (what auxclick would trigger) is denied by guardContents.
    const options = createWindowOptions({ preloadPath: this.paths.preload, ...(bounds ? { bounds } : {}) });
    const window = new BrowserWindow(options); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK NODE_INTEGRATION_JS_CHECK REMOTE_MODULE_JS_CHECK
    this.window = window;
    window.once('ready-to-show', () => {
      if (maximized) window.maximize();
      window.show();
    });
    window.on('close', () => {
      void this.appState.setWindowState(window.getNormalBounds(), window.isMaximized());
    });
    window.on('closed', () => {
      if (this.window === window) this.window = undefined;
    });
    window.webContents.on('context-menu', (_event, params) => this.contextMenus.request(params));
    void window.loadURL(appEntryUrl);
  }

  private async openFirstWorkspace(requestedFolder: string | undefined): Promise<void> {
    for (const candidate of [requestedFolder, this.appState.lastWorkspace()]) {
      if (candidate && (await this.openWorkspace(candidate, false))) return;
    }
    await this.openSample();
  }

  private async openSample(): Promise<void> {
    const sample = await installSampleWorkspace(this.paths.bundledSample, this.paths.userData);
    await this.openWorkspace(sample, true);
  }

  /** Opens a folder; failures are shown to the user and leave the current workspace open. */
  private async openWorkspace(folder: string, reportFailure: boolean): Promise<boolean> {
    const result = await this.workspaces.open(folder);
    if (!result.ok) {
      if (reportFailure) {
        await dialog.showMessageBox({
          type: 'error',
          message: 'Cannot open this workspace',
          detail: result.message,
        });
      }
      return false;
    }
    await this.appState.addRecentWorkspace(folder);
    this.refreshMenu();
    void this.window?.loadURL(appEntryUrl);
    return true;
  }

  /** A recent folder that is gone is dropped from the list after saying so. */
  private async openRecent(folder: string): Promise<void> {
    if (await this.openWorkspace(folder, true)) return;
    const exists = await fs.stat(folder).then(
      () => true,
      () => false,
    );
    if (!exists) {
      await this.appState.removeRecentWorkspace(folder);
      this.refreshMenu();
    }
  }

  private async chooseWorkspace(): Promise<void> {
    const defaultPath = openWorkspaceDefaultPath(this.workspaces.root, {
      documents: this.app.getPath('documents'),
      userData: this.paths.userData,
    });
    const options = {
      title: 'Open Workspace',
      defaultPath,
      properties: ['openDirectory', 'createDirectory'] as const,
    };
    const chosen = this.window
      ? await dialog.showOpenDialog(this.window, { ...options, properties: [...options.properties] })
      : await dialog.showOpenDialog({ ...options, properties: [...options.properties] });
    const folder = chosen.filePaths[0];
    if (!chosen.canceled && folder) await this.openWorkspace(folder, true);
  }

  private async newDocument(type: keyof typeof documentTitles | 'note'): Promise<void> {
    const created =
      type === 'note'
        ? await this.workspaces.invoke('createNote', { folder: '', title: 'Untitled note' })
        : await this.workspaces.invoke('createDocument', { type, title: documentTitles[type] });
    if (created.ok) this.navigate(`#/doc/${created.path.split('/').map(encodeURIComponent).join('/')}`);
    else
      await dialog.showMessageBox({
        type: 'error',
        message: 'Cannot create the document',
        detail: created.message,
      });
  }

  /** Hash routes change inside the page, so nothing reloads and unsaved state is kept. */
  private navigate(hash: string): void {
    void this.window?.webContents.executeJavaScript(`location.hash = ${JSON.stringify(hash)}`);
  }

  private refreshMenu(): void {
    const template = buildMenuTemplate(
      {
        newDocument: (type) => void this.newDocument(type),
        newNote: () => void this.newDocument('note'),
        openWorkspace: () => void this.chooseWorkspace(),
        openRecent: (folder) => void this.openRecent(folder),
        navigate: (hash) => this.navigate(hash),
        openSample: () => void this.openSample(),
        setSpelling: (enabled) => void this.setSpelling(enabled),
      },
      this.appState.recentWorkspaces(),
      process.platform,
      { enabled: this.spellingEnabled(), downloads: spellingDownloads(process.platform) },
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  private spellingEnabled(): boolean {
    return this.appState.spelling() ?? spellingDefault(process.platform);
  }

  private applySpelling(): void {
    const languages = this.app.getPreferredSystemLanguages();
    applySpelling(session.defaultSession, this.spellingEnabled(), process.platform, languages);
  }

  private async setSpelling(enabled: boolean): Promise<void> {
    await this.appState.setSpelling(enabled);
    this.applySpelling();
    this.refreshMenu();
  }

  /** Spelling, links and edit commands act on the app window; page actions come from the page (the broker). */
  private createContextMenus(): ContextMenuBroker {
    return new ContextMenuBroker({
      ask: (request) => this.window?.webContents.send(contextMenuEventChannel, request),
      popup: (template, closed) => {
        if (!this.window) return closed();
        Menu.buildFromTemplate(template).popup({ window: this.window, callback: closed });
      },
      commands: {
        replaceMisspelling: (word) => this.window?.webContents.replaceMisspelling(word),
        addToDictionary: (word) =>
          void this.window?.webContents.session.addWordToSpellCheckerDictionary(word),
        openLink: (url) => {
          if (isAppPage(url)) this.navigate(new URL(url).hash);
          // safeExternalUrl (externalLinks.ts, tested) refuses every scheme but http, https and mailto.
          else void openExternalSafely(url, (safe) => shell.openExternal(safe)); // eng-disable OPEN_EXTERNAL_JS_CHECK
        },
        copyText: (text) => clipboard.writeText(text),
      },
    });
  }

  /** What IPC reaches: the context menu's answer here, every other method in the open workspace. */
  private api(): ApiService {
    return {
      invoke: (method, input) =>
        method === 'showContextMenu'
          ? (this.contextMenus.show(input as MethodInput<'showContextMenu'>) as Promise<never>)
          : this.workspaces.invoke(method, input),
      onDidChangeWorkspace: (listener) => this.workspaces.onDidChangeWorkspace(listener),
    };
  }

  private async serveAppRequest(url: string): Promise<Response> {
    const resolved = await resolveAppRequest(this.paths.rendererRoot, this.workspaces.root, url);
    if (!resolved.ok) return new Response(resolved.message, { status: resolved.status });
    try {
      return new Response(await fs.readFile(resolved.absolute), {
        headers: {
          'Content-Type': resolved.contentType,
          'Content-Security-Policy': resolved.contentSecurityPolicy,
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  }

  /** Nothing navigates the app window or opens another; external links go through one guarded function. */
  private denyPermissionsAndNavigation(): void {
    denyAllPermissions(session.defaultSession);
    this.app.on('web-contents-created', (_event, contents: WebContents) => {
      // safeExternalUrl (externalLinks.ts, tested) has already refused every scheme but http, https and mailto.
      guardContents(contents, (safe) => shell.openExternal(safe)); // eng-disable OPEN_EXTERNAL_JS_CHECK
    });
  }
}
