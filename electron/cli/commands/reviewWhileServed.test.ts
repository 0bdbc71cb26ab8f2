import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturedContext } from '../testing/capturedContext.js';
import { runCli } from '../runCli.js';
import { startServe, type RunningServe } from './serve.js';

const story = 'stories/apply-promo-code.md';
let base: string;
let root: string;
let running: RunningServe;
let cookie: string;

beforeAll(async () => {
  base = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-review-served-'));
  // Tokens and backups go to this test's folder, never the user's.
  process.env.SPECBENCH_CONFIG_DIR = path.join(base, 'config');
  process.env.SPECBENCH_BACKUP_DIR = path.join(base, 'backups');
  root = path.join(base, 'acme');
  await fs.cp(path.join(import.meta.dirname, '../../../samples/acme-checkout'), root, { recursive: true });
  // A stamp made against an older REQ-12: review has something to record.
  const file = path.join(root, story);
  await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('REQ-12: 84e7d23f', 'REQ-12: deadbeef'));
  const served = await startServe(capturedContext(base).context, root, { port: 0, write: true });
  if (typeof served === 'number') throw new Error(`serve exited ${served}`);
  running = served;
  const login = await fetch(running.server.url, { redirect: 'manual' });
  cookie = login.headers.get('set-cookie')!.split(';')[0]!;
});
afterAll(async () => {
  await running.close();
  await fs.rm(base, { recursive: true, force: true });
});

async function call<T>(method: string, body: object): Promise<T> {
  const url = new URL(`/api/${method}`, running.server.url);
  const reply = await fetch(url, {
    method: 'POST',
    headers: { cookie, origin: url.origin, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await reply.json()) as T;
}

/** The stamp the served app shows for REQ-12, once it differs from `before` (or after 10 s). */
async function servedStamp(before: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const answer = await call<{ entry: { fields: { reviewed?: Record<string, string> } } }>(
      'getDocumentEntry',
      { path: story },
    );
    const stamp = answer.entry.fields.reviewed?.['REQ-12'] ?? '';
    if (stamp !== before || Date.now() > deadline) return stamp;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('review while serve --write has the workspace open', () => {
  it('refuses while the story has unsaved edits in the app, and says so', async () => {
    const read = await call<{ text: string; version: object }>('readDocument', { path: story });
    await call('backupDocument', { path: story, text: `${read.text}typed\n`, base: read.version });
    const { context, stdout, stderr } = capturedContext(base);
    const code = await runCli(['review', root, 'STORY-10'], context);
    await call('discardBackup', { path: story });
    const text = await fs.readFile(path.join(root, story), 'utf8');
    expect([code, stdout(), stderr(), text.includes('REQ-12: deadbeef')]).toEqual([
      2,
      '',
      `specbench: review: ${story} is being changed in Specbench (it has unsaved edits there): save or undo them there, then try again. Nothing was written.\n`,
      true,
    ]);
  });

  it('writes the stamp, and the served app shows it at once', async () => {
    expect(await servedStamp('')).toBe('deadbeef');
    const { context, stdout, stderr } = capturedContext(base);
    const code = await runCli(['review', root, 'STORY-10'], context);
    expect([code, stdout(), stderr(), await servedStamp('deadbeef')]).toEqual([
      0,
      'Marked STORY-10 reviewed against the current text of REQ-12 and REQ-14.\n',
      '',
      '84e7d23f',
    ]);
  });
});
