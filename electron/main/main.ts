/** The Electron entry point and composition root: builds the services and hands them to the shell. */
import path from 'node:path';
import { BrowserWindow, app, dialog, protocol, session, shell } from 'electron';
import { Workspace } from '../engine/workspace.js';
import { WorkspaceService } from '../services/workspaceService.js';
import { WorkspaceSession } from '../services/workspaceSession.js';
import { sweepToSystemTrash } from '../services/systemTrash.js';
import { appScheme, appSchemePrivileges } from './appProtocol.js';
import { runDesktopApp } from './appLifecycle.js';
import { AppStateStore } from './appStateStore.js';
import { DesktopApp } from './desktopApp.js';
import { electronDiagramRenderer } from './electronDiagramRenderer.js';
import { electronPrinterLauncher } from './electronPdfPrinter.js';

// Must run before `ready`: a standard, secure scheme gets origin isolation, fetch and a real CSP.
protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { ...appSchemePrivileges } }]);

// Set before anything reads userData (the single-instance lock lives there too). Tests and portable
// setups give each run its own profile; a development run (`npm start`) keeps apart from an installed
// Specbench, so neither hands its launches to the other nor shares its recent workspaces.
if (process.env.SPECBENCH_USER_DATA) app.setPath('userData', process.env.SPECBENCH_USER_DATA);
else if (!app.isPackaged)
  app.setPath('userData', path.join(app.getPath('appData'), `${app.name} Development`));

const packageRoot = app.getAppPath();

void runDesktopApp({
  app,
  argv: process.argv,
  cwd: process.cwd(),
  appPath: packageRoot,
  platform: process.platform,
  showStartupError: (title, detail) => dialog.showErrorBox(title, detail),
  createShell: async () => {
    const userData = app.getPath('userData');
    // PDFs print in Electron's own Chromium, so the desktop app needs no other browser.
    const launchPrinter = electronPrinterLauncher({ session, BrowserWindow });
    // Diagrams in PDF and HTML exports are drawn in Electron's Chromium as well.
    const drawDiagrams = electronDiagramRenderer({ session, BrowserWindow });
    const workspaces = new WorkspaceSession(async (root) => {
      const opened = await Workspace.open(root, { write: true, watch: true, cache: true });
      if (!opened.ok) return opened;
      // Delete ends in the system trash; what a quit left waiting for Undo goes there now.
      const moveToSystemTrash = (absolute: string) => shell.trashItem(absolute);
      if (opened.workspace.writable) await sweepToSystemTrash(opened.workspace.root, moveToSystemTrash);
      const service = new WorkspaceService(opened.workspace, {
        launchPrinter,
        drawDiagrams,
        moveToSystemTrash,
      });
      return { ok: true, opened: { root, service, close: () => opened.workspace.close() } };
    });
    return new DesktopApp(
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
  },
});
