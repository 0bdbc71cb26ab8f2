/**
 * The app's life from launch to quit, over the few parts of Electron's `app` it needs (a fake stands in
 * where no Electron runtime exists): one instance, a start that fails loudly instead of leaving an
 * invisible process holding the lock, relaunches and Dock clicks that wait for the start, a clean quit.
 */
import { folderArgument } from './commandLine.js';

/** What a relaunch hands the running instance (Electron's `additionalData`): its folder, already absolute. */
export interface LaunchRequest {
  folder: string | null;
}

interface PreventableEvent {
  preventDefault(): void;
}

/** The part of Electron's App this module drives. */
export interface LifecycleApp {
  requestSingleInstanceLock(additionalData?: Record<string, unknown>): boolean;
  whenReady(): Promise<unknown>;
  on(
    event: 'second-instance',
    listener: (event: unknown, argv: string[], workingDirectory: string, additionalData: unknown) => void,
  ): unknown;
  on(event: 'activate' | 'window-all-closed', listener: () => void): unknown;
  on(event: 'will-quit', listener: (event: PreventableEvent) => void): unknown;
  quit(): void;
  exit(code: number): void;
}

/** The desktop shell once built: what the lifecycle asks of it. */
export interface DesktopShell {
  start(folder: string | undefined): Promise<void>;
  /** Shows the window, creating it if none is open. */
  focus(): void;
  openFolder(folder: string): Promise<void>;
  /** Stops watchers and releases locks before the process ends. */
  close(): Promise<void>;
}

export interface LifecycleOptions {
  app: LifecycleApp;
  argv: string[];
  cwd: string;
  /** The app's own folder, which Electron's command line also names in development. */
  appPath: string;
  platform: NodeJS.Platform;
  /** Builds the services and the shell (after `ready`). */
  createShell(): Promise<DesktopShell>;
  /** A native error box (Electron's dialog.showErrorBox); the user must see why nothing opened. */
  showStartupError(title: string, detail: string): void;
}

/** The folder a relaunch asks for: its additionalData when it is ours, else its argv against its own cwd. */
export function requestedFolder(
  additionalData: unknown,
  argv: string[],
  workingDirectory: string,
  appPath: string,
): string | undefined {
  const request = additionalData as Partial<LaunchRequest> | null | undefined;
  if (request && typeof request === 'object' && 'folder' in request) {
    return typeof request.folder === 'string' && request.folder !== '' ? request.folder : undefined;
  }
  return folderArgument(argv, appPath, workingDirectory);
}

/** One line naming what failed, for the error box (never a stack). */
export function startupFailureDetail(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `${message.split('\n')[0]}\n\nSpecbench will now quit. Starting it again retries; if this keeps happening, the message above names the file or folder involved.`;
}

/**
 * Runs the app. Resolves once it has started (or failed and asked Electron to exit); a second instance
 * resolves at once after handing its folder to the first.
 */
export async function runDesktopApp(
  options: LifecycleOptions,
): Promise<'started' | 'handed-over' | 'failed'> {
  const { app } = options;
  const folder = folderArgument(options.argv, options.appPath, options.cwd);
  const request: LaunchRequest = { folder: folder ?? null };
  if (!app.requestSingleInstanceLock({ ...request })) {
    app.quit();
    return 'handed-over';
  }

  let resolveShell: (shell: DesktopShell | undefined) => void = () => undefined;
  const started = new Promise<DesktopShell | undefined>((resolve) => (resolveShell = resolve));
  // Registered at once, so nothing is lost, but acted on only after the start: a relaunch or Dock click
  // during a slow first open used to create a window that start() then replaced with a second one.
  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    void started.then(async (shell) => {
      if (!shell) return;
      shell.focus();
      const wanted = requestedFolder(additionalData, argv, workingDirectory, options.appPath);
      if (wanted) await shell.openFolder(wanted);
    });
  });
  app.on('activate', () => {
    void started.then((shell) => shell?.focus());
  });
  app.on('window-all-closed', () => {
    if (options.platform !== 'darwin') app.quit();
  });
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void started
      .then((shell) => shell?.close())
      .catch(() => undefined)
      .finally(() => {
        closed = true;
        app.quit();
      });
  });

  try {
    await app.whenReady();
    const shell = await options.createShell();
    await shell.start(folder);
    resolveShell(shell);
    return 'started';
  } catch (error) {
    // Electron only warns about a rejected promise: without this the process would live on, windowless,
    // holding the single-instance lock, and every relaunch would quit at once.
    resolveShell(undefined);
    options.showStartupError('Specbench could not start', startupFailureDetail(error));
    app.exit(1);
    return 'failed';
  }
}
