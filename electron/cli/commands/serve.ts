/** `specbench serve <dir> [--port N] [--write] [--host H]`: opens the workspace and serves it until stopped. */
import path from 'node:path';
import { Workspace } from '../../engine/workspace.js';
import { WarmPrinter } from '../../export/warmPrinter.js';
import { startBrowserServer, type BrowserServer } from '../../server/browserServer.js';
import { WorkspaceService } from '../../services/workspaceService.js';
import type { CliCommand, CliValues } from '../cliCommand.js';
import { exitCodes, fail, type CliContext } from '../cliOutput.js';
import { packageRoot } from '../packageRoot.js';

export interface ServeOptions {
  port: number;
  write: boolean;
  host?: string;
}

export interface RunningServe {
  server: BrowserServer;
  close(): Promise<void>;
}

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'serve a workspace to a browser on this machine (read-only unless --write)',
  usage: 'specbench serve <dir> [--port N] [--write] [--host H]',
  details: `Prints "Specbench serving <dir> at <url>" first; open that URL (it carries a token that is new at every launch).
Options:
  --port N    port to listen on (default 4780; 0 picks a free one)
  --write     allow edits (otherwise every write is refused with 403)
  --host H    listen on the address H (e.g. 192.168.1.20) instead of loopback only; browsers must
              then use that address, and anyone who can reach it and has the URL gets in
Stops on Ctrl+C. Exit 2 for bad usage or an unreadable workspace.`,
  positionals: ['dir'],
  options: { port: { type: 'string' }, write: { type: 'boolean' }, host: { type: 'string' } },
  run: (context, positionals, values) => serveUntilStopped(context, positionals[0]!, values),
};

async function serveUntilStopped(context: CliContext, dir: string, values: CliValues): Promise<number> {
  const port = values.port === undefined ? 4780 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return fail(context, `serve: --port must be a number from 0 to 65535, not '${String(values.port)}'`);
  }
  const host = typeof values.host === 'string' ? values.host : undefined;
  const started = await startServe(context, dir, {
    port,
    write: values.write === true,
    ...(host ? { host } : {}),
  });
  if (typeof started === 'number') return started;
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await started.close();
  return exitCodes.ok;
}

/** Opens and serves; returns an exit code instead when it cannot. */
export async function startServe(
  context: CliContext,
  dir: string,
  options: ServeOptions,
): Promise<RunningServe | number> {
  const root = path.resolve(context.cwd, dir);
  const opened = await Workspace.open(root, { write: options.write, watch: true, cache: true });
  if (!opened.ok) return fail(context, `serve: ${opened.message}`);
  const workspace = opened.workspace;
  // Chromium stays up between exports (started by the first): a second PDF needs no browser start.
  const printer = new WarmPrinter(async () =>
    (await import('../../export/pdfPrinter.js')).launchPdfPrinter(),
  );
  let server: BrowserServer;
  try {
    server = await startBrowserServer({
      service: new WorkspaceService(workspace, { launchPrinter: printer.launcher }),
      rendererRoot: path.join(packageRoot(), 'dist', 'renderer'),
      workspaceRoot: root,
      write: options.write,
      port: options.port,
      ...(options.host ? { host: options.host } : {}),
    });
  } catch (error) {
    await workspace.close();
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'EADDRINUSE' ? `port ${options.port} is in use (try --port 0)` : (error as Error).message;
    return fail(context, `serve: cannot listen: ${reason}`);
  }
  context.stdout.write(`Specbench serving ${dir} at ${server.url}\n`);
  if (options.write && !workspace.writable) {
    context.stdout.write('Note: another Specbench is editing this workspace, so it is served read-only.\n');
  }
  context.stdout.write(
    options.write
      ? 'Edits are saved to disk. Press Ctrl+C to stop.\n'
      : 'Read-only (start with --write to edit). Press Ctrl+C to stop.\n',
  );
  return {
    server,
    close: async () => {
      await server.close();
      await printer.close();
      await workspace.close();
    },
  };
}
