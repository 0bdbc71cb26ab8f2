/** `specbench serve <dir> [--port N] [--write] [--host H]`: opens the workspace and serves it until stopped. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { prepareSummaries } from '../../engine/documentSummaries.js';
import { Workspace } from '../../engine/workspace.js';
import { WarmPrinter } from '../../export/warmPrinter.js';
import { startBrowserServer, type BrowserServer } from '../../server/browserServer.js';
import type { ApiService } from '../../services/apiService.js';
import { PendingService } from '../../services/pendingService.js';
import type { CliCommand, CliValues } from '../cliCommand.js';
import { exitCodes, fail, outputFormat, outputHelp, outputOptions, type CliContext } from '../cliOutput.js';
import { packageRoot } from '../packageRoot.js';
import { isWorkspaceFolder } from '../workspaceFolder.js';

export interface ServeOptions {
  port: number;
  write: boolean;
  /** Read-only but for review comments: the one thing a server without --write may write. */
  comments?: boolean;
  host?: string;
  /** Print the start as one JSON object instead of sentences. */
  json?: boolean;
  /** Replace the workspace's stored token: links and sessions given out before stop working. */
  newToken?: boolean;
  /** Where tokens are kept (`SPECBENCH_CONFIG_DIR`); the process environment when absent. */
  environment?: NodeJS.ProcessEnv;
}

export interface RunningServe {
  server: BrowserServer;
  close(): Promise<void>;
}

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'serve a workspace to a browser on this machine (read-only unless --write)',
  usage: 'specbench serve <dir> [--port N] [--write | --comments] [--host H] [--new-token] [--json]',
  details: `Prints "Specbench serving <dir> at <url>" first; open that URL. It carries the workspace's
token, which stays the same across restarts (kept outside the workspace, in
~/.config/specbench/serve-tokens/, mode 0600, or SPECBENCH_CONFIG_DIR), so a shared link keeps
working and an open tab reconnects after a restart. A browser without the link gets a page saying
how to get in.
A folder without specbench.json is served too, with a warning on stderr, and no index cache is
written into it.

Options:
  --port N    port to listen on (default 4780; 0 picks a free one)
  --write     allow edits (otherwise every write is refused with 403)
  --comments  read-only, but reviewers may comment, reply, resolve and reopen (reviews/<KEY>.md
              is the only thing written)
  --host H    listen on the address H (e.g. 192.168.1.20) instead of loopback only; browsers must
              then use that address, and anyone who can reach it and has the URL gets in
  --new-token a new token for this workspace: every link and browser session given out before
              stops working (after sharing a link too widely)
${outputHelp}: one line {"dir", "url", "write", "workspace"} once listening
              ("write" false when another Specbench is editing it; "workspace" false without specbench.json)

Stops on Ctrl+C. Exit 2 for bad usage or an unreadable workspace.`,
  positionals: ['dir'],
  options: {
    port: { type: 'string' },
    write: { type: 'boolean' },
    comments: { type: 'boolean' },
    host: { type: 'string' },
    'new-token': { type: 'boolean' },
    ...outputOptions,
  },
  run: (context, positionals, values) => serveUntilStopped(context, positionals[0]!, values),
};

async function serveUntilStopped(context: CliContext, dir: string, values: CliValues): Promise<number> {
  const format = outputFormat(context, 'serve', values);
  if (format === undefined) return exitCodes.usage;
  const port = values.port === undefined ? 4780 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return fail(context, `serve: --port must be a number from 0 to 65535, not '${String(values.port)}'`);
  }
  const host = typeof values.host === 'string' ? values.host : undefined;
  const started = await startServe(context, dir, {
    port,
    write: values.write === true,
    comments: values.comments === true,
    json: format === 'json',
    newToken: values['new-token'] === true,
    ...(host ? { host } : {}),
  });
  if (typeof started === 'number') return started;
  const root = path.resolve(context.cwd, dir);
  const reason = await new Promise<'signal' | 'gone'>((resolve) => {
    // A folder deleted under a running server leaves nothing to serve (a test's temp workspace, or a
    // user's): it stops instead of watching nothing for ever.
    const watch = setInterval(() => {
      fs.stat(root).then(
        () => undefined,
        () => stop('gone'),
      );
    }, folderCheckInterval);
    const onSignal = () => stop('signal');
    function stop(why: 'signal' | 'gone') {
      clearInterval(watch);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve(why);
    }
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  if (reason === 'gone') context.stderr.write(`specbench: serve: ${root} is gone; stopped.\n`);
  await Promise.race([started.close(), delay(closeTimeout)]);
  const code = reason === 'gone' ? exitCodes.findings : exitCodes.ok;
  // Stopped means stopped: a handle left open (a watcher of a deleted folder) must not keep the
  // process alive, unseen, after its server has closed.
  setTimeout(() => process.exit(code), exitGrace).unref();
  return code;
}

const folderCheckInterval = 5_000;
const closeTimeout = 3_000;
const exitGrace = 1_000;
/**
 * When no browser has asked for the findings this long after the load, and after its last call,
 * watching starts anyway.
 */
const watchWithoutBrowserMs = 3_000;
/** However busy a client keeps the server without asking for the findings, watching starts by then. */
const watchAtLatestMs = 10_000;

/**
 * The service, telling `called` of every call and `answered` once its first `check` has been answered
 * (the app is shown by then).
 */
function afterFirstCheck(service: ApiService, called: () => void, answered: () => void): ApiService {
  return {
    invoke: async (method, input) => {
      called();
      const output = await service.invoke(method, input);
      if (method === 'check') answered();
      return output;
    },
    onDidChangeWorkspace: (listener) => service.onDidChangeWorkspace(listener),
  };
}

/**
 * Calls `fire` once `ms` have passed since `start()` and since the last `touch()` after it, or
 * `latestMs` after `start()` whatever the touches (a client polling without pause must not keep
 * outside changes unseen); touches before the start are ignored, and nothing happens after `cancel()`
 * or the one call.
 */
export function afterQuiet(
  ms: number,
  latestMs: number,
  fire: () => void,
): { start(): void; touch(): void; cancel(): void } {
  let timer: NodeJS.Timeout | undefined;
  let latest: NodeJS.Timeout | undefined;
  let over = false;
  const once = () => {
    if (over) return;
    over = true;
    clearTimeout(timer);
    clearTimeout(latest);
    fire();
  };
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(once, ms).unref();
  };
  return {
    start: () => {
      if (over) return;
      arm();
      latest ??= setTimeout(once, latestMs).unref();
    },
    touch: () => {
      if (timer !== undefined && !over) arm();
    },
    cancel: () => {
      over = true;
      clearTimeout(timer);
      clearTimeout(latest);
    },
  };
}

function delay(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds).unref());
}

/** Opens and serves; returns an exit code instead when it cannot. */
export async function startServe(
  context: CliContext,
  dir: string,
  options: ServeOptions,
): Promise<RunningServe | number> {
  const root = path.resolve(context.cwd, dir);
  // A folder that is not a workspace (serve /tmp) is served as a folder of Markdown, and told so.
  const workspaceFolder = isWorkspaceFolder(root);
  // The URL is printed before the documents load: the browser fetches and starts the app while the
  // index loads, and every call waits for it (PendingService), so nothing is answered from half an index.
  const begun = await Workspace.begin(root, { write: options.write, cache: workspaceFolder });
  if (!begun.ok) return fail(context, `serve: ${begun.message}`);
  // Chromium stays up between exports (started by the first): a second PDF needs no browser start.
  const printer = new WarmPrinter(async () =>
    (await import('../../export/pdfPrinter.js')).launchPdfPrinter(),
  );
  const { serveToken } = await import('../../server/serveToken.js');
  const kept = await serveToken(root, {
    rotate: options.newToken === true,
    ...(options.environment ? { environment: options.environment } : {}),
  });
  if (kept.problem !== undefined)
    context.stderr.write(
      `specbench: serve: warning: ${kept.problem}; the link works until this server stops\n`,
    );
  // Resolved with the loading workspace once the URL is out.
  let provide!: (workspace: Promise<Workspace>) => void;
  // The service's modules (the Markdown codec, export, import: ~350 ms of CPU) load once the URL is
  // out, beside the index; no call is answered before both are there.
  let loadService!: () => void;
  const serviceModule = new Promise<void>((resolve) => (loadService = resolve)).then(
    () => import('../../services/workspaceService.js'),
  );
  let firstCheck!: () => void;
  const checked = new Promise<void>((resolve) => (firstCheck = resolve));
  // Started once the load is done; while a browser is still starting the app (its calls arrive), the
  // watcher's scan would compete with its first screen, so each call puts the fallback off again.
  const fallback = afterQuiet(watchWithoutBrowserMs, watchAtLatestMs, () => firstCheck());
  const loaded = new Promise<Workspace>((resolve) => (provide = resolve));
  let server: BrowserServer;
  try {
    server = await startBrowserServer({
      service: new PendingService(
        Promise.all([loaded, serviceModule]).then(([workspace, { WorkspaceService }]) =>
          afterFirstCheck(
            new WorkspaceService(workspace, {
              launchPrinter: printer.launcher,
              comments: options.comments === true,
            }),
            () => fallback.touch(),
            () => firstCheck(),
          ),
        ),
      ),
      rendererRoot: path.join(packageRoot(), 'dist', 'renderer'),
      workspaceRoot: root,
      write: options.write,
      comments: options.comments === true,
      port: options.port,
      token: kept.token,
      ...(options.host ? { host: options.host } : {}),
    });
  } catch (error) {
    await begun.abandon();
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'EADDRINUSE' ? `port ${options.port} is in use (try --port 0)` : (error as Error).message;
    return fail(context, `serve: cannot listen: ${reason}`);
  }
  const writable = options.write && begun.writable;
  if (options.json === true) {
    const started = {
      dir,
      url: server.url,
      write: writable,
      workspace: workspaceFolder,
    };
    context.stdout.write(`${JSON.stringify(started)}\n`);
  } else {
    context.stdout.write(`Specbench serving ${dir} at ${server.url}\n`);
    if (options.newToken === true) {
      context.stdout.write('New token: links and sessions from before no longer work.\n');
    }
    context.stdout.write(
      options.write && !writable
        ? 'Read-only: another Specbench is editing this workspace; close it there, then restart serve to edit here. Press Ctrl+C to stop.\n'
        : options.write
          ? 'Edits are saved to disk. Press Ctrl+C to stop.\n'
          : options.comments === true
            ? 'Read-only but for review comments (saved in reviews/). Press Ctrl+C to stop.\n'
            : 'Read-only (start with --write to edit). Press Ctrl+C to stop.\n',
    );
    if (options.newToken !== true && kept.created === true && kept.file !== undefined) {
      // A different SPECBENCH_CONFIG_DIR (or user) finds no token and makes one: links shared before
      // fail with no word why, so say where this one is kept.
      context.stdout.write(
        `New token for this workspace, kept in ${path.dirname(kept.file)} (none was kept there): links from an earlier serve with another config folder will not work.\n`,
      );
    }
  }
  // Watching starts once the app is shown: the browser asks for the findings after its first paint, so
  // the watcher's first scan (about 1 s of CPU over 10,000 files) and the rules never hold up its
  // start. Without a browser it starts a moment after the load. What changed before is found then.
  // One turn first, so the lines above are out before the load's synchronous listing holds the thread.
  loadService();
  provide(new Promise<void>((resolve) => setImmediate(resolve)).then(() => begun.load()));
  const ready = loaded.then((workspace) => {
    if (!workspaceFolder) {
      const documents = workspace.documents();
      context.stderr.write(
        `specbench: serve: warning: ${dir} is not a Specbench workspace (no specbench.json; ${documents.filter((entry) => entry.key !== undefined).length} of ${documents.length} Markdown files have a key); serving it as a folder of Markdown\n`,
      );
    }
    const startWatching = () =>
      workspace.watch().catch((error: unknown) => {
        context.stderr.write(
          `specbench: serve: watching ${dir} for outside changes failed: ${String(error)}\n`,
        );
      });
    // The navigator's summaries are made while the browser still fetches the app, not when it asks.
    void prepareSummaries(workspace.documents());
    fallback.start();
    void checked.then(() => {
      fallback.cancel();
      void startWatching();
    });
    return workspace;
  });
  ready.catch((error: unknown) => {
    context.stderr.write(`specbench: serve: cannot read ${dir}: ${String(error)}\n`);
  });
  return {
    server,
    close: async () => {
      await server.close();
      await printer.close();
      await (await ready.catch(() => undefined))?.close();
    },
  };
}
