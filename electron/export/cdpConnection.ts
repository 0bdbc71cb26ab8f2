/**
 * A headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`: it
 * reads commands on fd 3 and answers on fd 4, each message JSON ended by a NUL). Printing needs a
 * handful of commands, so the export starts Chromium itself rather than loading Playwright, whose
 * module alone took longer to load than Chromium took to start.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { chromiumExecutablePath, chromiumLaunchArguments } from './chromiumLaunch.js';

export interface CdpEvent {
  method: string;
  params: Record<string, unknown>;
  sessionId?: string;
}

export interface CdpConnection {
  /** Sends a command (to the page of `sessionId`, else to the browser) and resolves with its result. */
  send<Result = Record<string, unknown>>(
    method: string,
    params?: Record<string, unknown>,
    sessionId?: string,
  ): Promise<Result>;
  /** Calls `listener` with every event until the returned function is called. */
  listen(listener: (event: CdpEvent) => void): () => void;
  close(): Promise<void>;
}

/** What Playwright's headless launch adds that shows in a print: sRGB colours, no scrollbars. */
const headlessArguments = [
  '--headless',
  '--hide-scrollbars',
  '--mute-audio',
  '--force-color-profile=srgb',
  '--disable-dev-shm-usage',
  '--disable-extensions',
  '--disable-breakpad',
  '--no-default-browser-check',
  '--no-startup-window',
  '--remote-debugging-pipe',
];

/** How long Chromium may take to answer its first command (a busy CI runner is slow, not stuck). */
const startLimitMs = 120_000;
/** How long a closing Chromium may take before it is killed. */
const closeLimitMs = 5_000;

/** Starts Chromium and resolves once it answers; rejects with the reason it did not start. */
export async function startChromium(): Promise<CdpConnection> {
  const executable = chromiumExecutablePath() ?? 'chromium';
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-chromium-'));
  const child = spawn(
    executable,
    [...chromiumLaunchArguments, ...headlessArguments, `--user-data-dir=${profile}`],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
  );
  const connection = connect(child, profile);
  try {
    await withinLimit(connection.send('Browser.getVersion'), startLimitMs, 'Chromium did not answer');
    return connection;
  } catch (error) {
    await connection.close();
    throw error;
  }
}

function connect(child: ChildProcess, profile: string): CdpConnection {
  const commands = child.stdio[3] as Writable;
  const answers = child.stdio[4] as Readable;
  const pending = new Map<number, { resolve: (result: never) => void; reject: (error: Error) => void }>();
  const listeners = new Set<(event: CdpEvent) => void>();
  let lastId = 0;
  let exited: Error | undefined;
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (text: string) => {
    stderr = (stderr + text).slice(-2000);
  });
  const fail = (error: Error) => {
    exited ??= error;
    for (const { reject } of pending.values()) reject(exited);
    pending.clear();
  };
  child.once('error', (error) => fail(new Error(`cannot start ${child.spawnfile}: ${error.message}`)));
  child.once('exit', () => {
    const said = stderr
      .split('\n')
      .find((line) => /error|fatal/i.test(line))
      ?.trim();
    fail(new Error(`Browser closed${said ? ` (${said})` : ''}`));
  });
  // A broken pipe is said by the exit that follows it.
  commands.on('error', () => undefined);
  answers.on('error', () => undefined);
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);

  let buffered: Buffer[] = [];
  answers.on('data', (chunk: Buffer) => {
    let start = 0;
    for (let end = chunk.indexOf(0); end !== -1; end = chunk.indexOf(0, start)) {
      buffered.push(chunk.subarray(start, end));
      const message = JSON.parse(Buffer.concat(buffered).toString('utf8')) as {
        id?: number;
        result?: never;
        error?: { message: string };
      } & Partial<CdpEvent>;
      buffered = [];
      start = end + 1;
      if (message.id === undefined) {
        for (const listener of listeners) listener(message as CdpEvent);
        continue;
      }
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) waiting?.reject(new Error(message.error.message));
      else waiting?.resolve(message.result ?? ({} as never));
    }
    if (start < chunk.length) buffered.push(chunk.subarray(start));
  });

  const send: CdpConnection['send'] = (method, params = {}, sessionId) => {
    if (exited) return Promise.reject(exited);
    const id = ++lastId;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      commands.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  };
  let closing: Promise<void> | undefined;
  return {
    send,
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closing ??= (async () => {
        if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
          const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
          if (!exited) void send('Browser.close').catch(() => undefined);
          const timer = setTimeout(kill, closeLimitMs);
          await gone;
          clearTimeout(timer);
        }
        process.removeListener('exit', kill);
        await fs.rm(profile, { recursive: true, force: true }).catch(() => undefined);
      })();
      return closing;
    },
  };
}

async function withinLimit<T>(promise: Promise<T>, limitMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${limitMs / 1000} s`)), limitMs);
  });
  try {
    return await Promise.race([promise, limit]);
  } finally {
    clearTimeout(timer);
  }
}
