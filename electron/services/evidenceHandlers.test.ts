import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCall, type MethodName } from '../../shared/contract/apiContract.js';
import { Workspace } from '../engine/workspace.js';
import { WorkspaceService } from './workspaceService.js';

const sample = path.join(import.meta.dirname, '../../samples/acme-checkout');
let base: string;
let root: string;
let service: WorkspaceService;
let workspace: Workspace;

beforeEach(async () => {
  base = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-evidence-'));
  root = path.join(base, 'acme-checkout');
  await fs.cp(sample, root, { recursive: true });
  const opened = await Workspace.open(root, { write: true, watch: false, cache: false });
  if (!opened.ok) throw new Error(opened.message);
  workspace = opened.workspace;
  service = new WorkspaceService(workspace);
});
afterEach(async () => {
  await workspace.close();
  await fs.rm(base, { recursive: true, force: true });
});

async function call(method: MethodName, input: unknown): Promise<Record<string, unknown>> {
  const parsed = parseCall(method, input);
  if (!parsed.ok) throw new Error(parsed.message);
  return (await service.invoke(parsed.method, parsed.input as never)) as Record<string, unknown>;
}

const feedbackFiles = async () => (await fs.readdir(path.join(root, 'feedback'))).sort();
const csv = (text: string, encoding: BufferEncoding = 'utf8') =>
  Buffer.from(text, encoding).toString('base64');

describe('importing feedback over the contract', () => {
  it('writes every row as a note, and a second import of the same CSV writes none', async () => {
    const base64 = csv('Company,Segment,Message\nNorthwind,Retail,"Pay later, please"\nContoso,,Dark mode\n');
    const first = await call('importFeedback', { base64, fileName: 'x.csv', dryRun: false });
    const again = await call('importFeedback', { base64, fileName: 'x.csv', dryRun: false });
    const note = await fs.readFile(path.join(root, (first.notes as { path: string }[])[0]!.path), 'utf8');
    expect([
      first.written,
      (first.notes as { key: string }[]).map((entry) => entry.key),
      note.includes('customer: Northwind') && note.includes('Pay later, please'),
      again.written,
      (again.notes as unknown[]).length,
      again.alreadyImported,
    ]).toEqual([true, ['FB-13', 'FB-14'], true, false, 0, 2]);
  });

  it('tells every window of the notes it wrote once they land (the watcher never reports our own writes)', async () => {
    const changes: unknown[] = [];
    service.onDidChangeWorkspace((change) => changes.push(change));
    const base64 = csv('Company,Message\nNorthwind,"Pay later, please"\nContoso,Dark mode\n');
    await call('importFeedback', { base64, fileName: 'x.csv', dryRun: true });
    await call('importFeedback', { base64, fileName: 'x.csv', dryRun: false });
    await call('importFeedback', { base64, fileName: 'x.csv', dryRun: false });
    expect(changes).toEqual([
      { paths: ['feedback/pay-later-please.md', 'feedback/dark-mode.md'], roadmap: false },
    ]);
  });

  const refusals: [string, string, string][] = [
    ['UTF-16', csv('\uFEFFtext\nhello\n', 'utf16le'), 'bad-csv'],
    ['no text column', csv('Company,Date\nNorthwind,2026-01-01\n'), 'bad-columns'],
    ['broken quoting', csv('text\n"never closed\n'), 'bad-csv'],
  ];
  it.each(refusals)('refuses %s in one line and writes nothing', async (_name, base64, error) => {
    const before = await feedbackFiles();
    const refused = await call('importFeedback', { base64, fileName: 'x.csv', dryRun: false });
    expect([
      refused.ok,
      refused.error,
      String(refused.message).includes('\n'),
      await feedbackFiles(),
    ]).toEqual([false, error, false, before]);
  });
});

describe('triaging feedback over the contract', () => {
  it('links a note, then archives it, each a front-matter edit', async () => {
    const file = 'feedback/let-me-pay-in-pounds.md';
    const before = await fs.readFile(path.join(root, file), 'utf8');
    await call('triageFeedback', { path: file, link: ['RM-11', 'REQ-2'] });
    const linked = await fs.readFile(path.join(root, file), 'utf8');
    const archived = await call('triageFeedback', { path: file, archive: true });
    expect([
      linked.replace(/^about: .*$/m, '').replace(/^status: .*$/m, ''),
      linked.match(/^(about|status): .*$/gm),
      (archived.summary as { status: string; about: string[] }).status,
      (archived.summary as { status: string; about: string[] }).about,
    ]).toEqual([
      before.replace(/^about: .*$/m, '').replace(/^status: .*$/m, ''),
      ['status: triaged', 'about: [RM-11, REQ-2]'],
      'archived',
      ['RM-11', 'REQ-2'],
    ]);
  });

  it('keeps a link made meanwhile in another window: a link adds to the file, archive changes only the status', async () => {
    const file = 'feedback/let-me-pay-in-pounds.md';
    // Window A links the note; window B, which still shows it untriaged, links it elsewhere, then archives it.
    await call('triageFeedback', { path: file, link: ['RM-9'] });
    await call('triageFeedback', { path: file, link: ['RM-11'] });
    await call('triageFeedback', { path: file, archive: true });
    expect((await fs.readFile(path.join(root, file), 'utf8')).match(/^(about|status): .*$/gm)).toEqual([
      'status: archived',
      'about: [RM-9, RM-11]',
    ]);
  });

  it('refuses a document that is not a feedback note, and leaves it alone', async () => {
    const file = 'specs/guest-checkout.md';
    const before = await fs.readFile(path.join(root, file), 'utf8');
    const refused = await call('triageFeedback', { path: file, link: ['RM-1'] });
    expect([refused.error, await fs.readFile(path.join(root, file), 'utf8')]).toEqual([
      'not-feedback',
      before,
    ]);
  });
});
