/** The Electron entry point and composition root: builds the services and hands them to the shell. */
import path from 'node:path';
import { BrowserWindow, app, protocol, session } from 'electron';
import { Workspace } from '../engine/workspace.js';
import { WorkspaceService } from '../services/workspaceService.js';
import { WorkspaceSession } from '../services/workspaceSession.js';
import { appScheme, appSchemePrivileges } from './appProtocol.js';
import { AppStateStore } from './appStateStore.js';
import { folderArgument } from './commandLine.js';
import { DesktopApp } from './desktopApp.js';
import { electronPrinterLauncher } from './electronPdfPrinter.js';

// Must run before `ready`: a standard, secure scheme gets origin isolation, fetch and a real CSP.
protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { ...appSchemePrivileges } }]);

// Tests and portable setups give each run its own profile; set before anything reads userData.
if (process.env.SPECBENCH_USER_DATA) app.setPath('userData', process.env.SPECBENCH_USER_DATA);

const packageRoot = app.getAppPath();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void app.whenReady().then(async () => {
    const userData = app.getPath('userData');
    // PDFs print in Electron's own Chromium, so the desktop app needs no other browser.
    const launchPrinter = electronPrinterLauncher({ session, BrowserWindow });
    const workspaces = new WorkspaceSession(async (root) => {
      const opened = await Workspace.open(root, { write: true, watch: true, cache: true });
      if (!opened.ok) return opened;
      const service = new WorkspaceService(opened.workspace, { launchPrinter });
      return { ok: true, opened: { root, service, close: () => opened.workspace.close() } };
    });
    const desktop = new DesktopApp(
      app,
      {
        rendererRoot: path.join(packageRoot, 'dist', 'renderer'),
        preload: path.join(packageRoot, 'dist', 'electron', 'preload', 'preload.cjs'),
        bundledSample: path.join(
          app.isPackaged ? process.resourcesPath : packageRoot,
          'samples',
          'acme-checkout',
        ),
        userData,
      },
      await AppStateStore.open(path.join(userData, 'app-state.json')),
      workspaces,
    );
    app.on('second-instance', (_event, argv) => {
      desktop.focus();
      const folder = folderArgument(argv, packageRoot);
      if (folder) void desktop.openFolder(folder);
    });
    app.on('activate', () => desktop.focus());
    app.on('window-all-closed', () => {
      if (process.platform !== 'darwin') app.quit();
    });
    let closed = false;
    app.on('will-quit', (event) => {
      if (closed) return;
      // Let the watcher stop and the roadmap lock be released before the process ends.
      event.preventDefault();
      void workspaces.close().finally(() => {
        closed = true;
        app.quit();
      });
    });
    await desktop.start(folderArgument(process.argv, packageRoot));
  });
}
