/** `specbench serve <dir> [--port N] [--write] [--host H]`: opens the workspace and serves it until stopped. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand, CliValues } from '../cli/cliCommand.js';
import type { CliContext } from '../cli/cliOutput.js';
import { packageRoot } from '../cli/packageRoot.js';
import { Workspace } from '../engine/workspace.js';
import { WorkspaceService } from '../services/workspaceService.js';
import { startBrowserServer, type BrowserServer } from './browserServer.js';

export interface ServeOptions {
  port: number;
  write: boolean;
  host?: string;
}

export interface RunningServe {
  server: BrowserServer;
  close(): Promise<void>;
}

const usage = 'specbench serve <dir> [--port N] [--write] [--host H]';
const usageExit = 2;

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'serve a workspace to a browser on this machine (read-only unless --write)',
  usage,
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

/** The same command for callers holding raw arguments rather than parsed ones. */
export async function runServe(argv: string[], context: CliContext): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof serveCommand.options; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: serveCommand.options, allowPositionals: true, strict: true });
  } catch (error) {
    return usageFailure(context, `${(error as Error).message.split('.')[0]} (usage: ${usage})`);
  }
  if (parsed.positionals.length !== 1) return usageFailure(context, `expected one <dir> (usage: ${usage})`);
  return serveUntilStopped(context, parsed.positionals[0]!, parsed.values);
}

async function serveUntilStopped(context: CliContext, dir: string, values: CliValues): Promise<number> {
  const port = values.port === undefined ? 4780 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return usageFailure(context, `--port must be a number from 0 to 65535, not '${String(values.port)}'`);
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
  return 0;
}

/** Opens and serves; returns an exit code instead when it cannot. */
export async function startServe(
  context: CliContext,
  dir: string,
  options: ServeOptions,
): Promise<RunningServe | number> {
  const root = path.resolve(context.cwd, dir);
  const opened = await Workspace.open(root, { write: options.write, watch: true, cache: true });
  if (!opened.ok) return usageFailure(context, `serve: ${opened.message}`);
  const workspace = opened.workspace;
  let server: BrowserServer;
  try {
    server = await startBrowserServer({
      service: new WorkspaceService(workspace),
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
    return usageFailure(context, `serve: cannot listen: ${reason}`);
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
      await workspace.close();
    },
  };
}

function usageFailure(context: CliContext, message: string): number {
  context.stderr.write(`specbench: ${message}\n`);
  return usageExit;
}
