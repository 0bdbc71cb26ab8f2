import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DocumentSummary } from '../../../shared/contract/documentSummary.js';
import { Workspace } from '../../engine/workspace.js';
import type { CliContext } from '../cliOutput.js';
import { startServe } from './serve.js';

// `serve` prints its URL before the documents are loaded: calls made meanwhile wait for the whole
// index, and a file changed since the index cache was written is answered with its new text.
let base: string;
let root: string;
beforeAll(async () => {
  base = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-serve-early-'));
  process.env.SPECBENCH_CONFIG_DIR = path.join(base, 'config');
  root = path.join(base, 'acme');
  await fs.cp(path.join(import.meta.dirname, '../../../samples/acme-checkout'), root, { recursive: true });
});
afterAll(async () => {
  await fs.rm(base, { recursive: true, force: true });
});

async function call<T>(url: URL, cookie: string, method: string): Promise<T> {
  const reply = await fetch(new URL(`/api/${method}`, url), {
    method: 'POST',
    headers: { cookie, origin: url.origin, 'content-type': 'application/json' },
    body: '{}',
  });
  return (await reply.json()) as T;
}

it('answers from the whole index, with a file edited after the cache was written shown as it is now', async () => {
  // Files an hour old are trusted by the cache; the edited one keeps its size, only its mtime tells.
  const hourAgo = new Date(Date.now() - 3_600_000);
  const specs = path.join(root, 'specs');
  for (const name of await fs.readdir(specs)) await fs.utimes(path.join(specs, name), hourAgo, hourAgo);
  const cached = await Workspace.open(root);
  if (!cached.ok) throw new Error(cached.message);
  const count = cached.workspace.documents().length;
  await cached.workspace.close();
  const spec = path.join(specs, 'promo-codes.md');
  const text = await fs.readFile(spec, 'utf8');
  await fs.writeFile(spec, text.replace('title: Promo codes', 'title: Promo tiles'));
  const halfHourAgo = new Date(Date.now() - 1_800_000);
  await fs.utimes(spec, halfHourAgo, halfHourAgo);

  const context: CliContext = { cwd: base, stdout: { write: () => true }, stderr: { write: () => true } };
  const running = await startServe(context, 'acme', { port: 0, write: false });
  if (typeof running === 'number') throw new Error(`exit ${running}`);
  try {
    const url = new URL(running.server.url);
    const login = await fetch(url, { redirect: 'manual' });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const documents = await call<DocumentSummary[]>(url, cookie, 'listDocuments');
    expect({
      count: documents.length,
      title: documents.find((document) => document.path === 'specs/promo-codes.md')?.title,
    }).toEqual({ count, title: 'Promo tiles' });
  } finally {
    await running.close();
  }
});
