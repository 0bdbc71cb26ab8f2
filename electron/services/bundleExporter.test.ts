import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCall } from '../../shared/contract/apiContract.js';
import { Workspace } from '../engine/workspace.js';
import { bundleName, stepWords } from './bundleExporter.js';
import { WorkspaceService } from './workspaceService.js';

const sample = path.join(import.meta.dirname, '../../samples/acme-checkout');

let base: string;
let workspace: Workspace;
let service: WorkspaceService;

beforeEach(async () => {
  base = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-exporter-'));
  await fs.cp(sample, path.join(base, 'acme-checkout'), { recursive: true });
  await open();
});

/** The workspace read again, after a test changed its files. */
async function reopen(): Promise<void> {
  await workspace.close();
  await open();
}

async function open(): Promise<void> {
  const opened = await Workspace.open(path.join(base, 'acme-checkout'), {
    write: false,
    watch: false,
    cache: false,
  });
  if (!opened.ok) throw new Error(opened.message);
  workspace = opened.workspace;
  service = new WorkspaceService(workspace);
}
afterEach(async () => {
  await workspace.close();
  await fs.rm(base, { recursive: true, force: true });
});

async function call(input: unknown, method = 'exportBundle'): Promise<Record<string, unknown>> {
  const parsed = parseCall(method, input);
  if (!parsed.ok) return parsed as unknown as Record<string, unknown>;
  return (await service.invoke(parsed.method, parsed.input as never)) as unknown as Record<string, unknown>;
}

/** Asks for the export's progress on every turn of the event loop until it ends; each change once. */
async function watchProgress(exportId: string, running: Promise<unknown>) {
  const seen: { fraction: number; step: string }[] = [];
  let ended = false;
  void running.finally(() => (ended = true));
  while (!ended) {
    const progress = await call({ exportId }, 'exportProgress');
    const last = seen.at(-1);
    if (progress.ok && (last?.fraction !== progress.fraction || last?.step !== progress.step))
      seen.push({ fraction: Number(progress.fraction), step: String(progress.step) });
    await new Promise((resolve) => setImmediate(resolve));
  }
  return seen;
}

async function exportFolders(): Promise<string[]> {
  return (await fs.readdir(os.tmpdir())).filter((name) => name.startsWith('specbench-export-'));
}

describe('exportBundle over the service', () => {
  it('returns SPEC-1 as one HTML file holding its requirement keys, leaving no temp folder', async () => {
    const before = await exportFolders();
    const result = await call({ exportId: 'one', specs: ['SPEC-1'], format: 'html', include: ['matrix'] });
    const html = Buffer.from(String(result.base64), 'base64').toString('utf8');
    const summary = {
      ok: result.ok,
      fileName: result.fileName,
      mediaType: result.mediaType,
      sizeMatches: result.bytes === Buffer.byteLength(html),
      keys: ['REQ-1', 'REQ-2', 'REQ-3', 'REQ-4'].filter((key) => html.includes(key)),
      leftover: (await exportFolders()).filter((name) => !before.includes(name)),
    };
    expect(summary).toEqual({
      ok: true,
      fileName: 'guest-checkout.html',
      mediaType: 'text/html; charset=utf-8',
      sizeMatches: true,
      keys: ['REQ-1', 'REQ-2', 'REQ-3', 'REQ-4'],
      leftover: [],
    });
  });

  it('says which document has characters the embedded fonts lack, as the CLI does', async () => {
    const file = path.join(base, 'acme-checkout', 'specs', 'guest-checkout.md');
    const text = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, text.replace('## Problem', '## Problem\n\n顧客は登録せずに購入できます。'));
    await reopen();
    const result = await call({ exportId: 'cjk', specs: ['SPEC-1'], format: 'html', include: [] });
    const plain = await call({ exportId: 'plain', specs: ['SPEC-2'], format: 'html', include: [] });
    expect({ cjk: result.warnings, plain: plain.warnings }).toEqual({
      cjk: [
        expect.stringMatching(
          /^SPEC-1 \(specs\/guest-checkout\.md\) has characters the export's fonts do not cover \(顧 客 /,
        ),
      ],
      plain: undefined,
    });
  });

  it('stops an export cancelled while it runs, and says so to both calls', async () => {
    const running = call({ exportId: 'two', specs: 'all', format: 'zip', include: ['stories', 'faqs'] });
    const cancel = await call({ cancel: 'two' });
    const finished = await running;
    expect([cancel.error, finished.error]).toEqual(['cancelled', 'cancelled']);
  });

  it('stops a PDF cancelled while Chromium starts or prints, before it is written', async () => {
    const running = call({ exportId: 'pdf', specs: 'all', format: 'pdf', include: ['matrix'] });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const cancel = await call({ cancel: 'pdf' });
    const finished = await running;
    expect([cancel.error, finished.error]).toEqual(['cancelled', 'cancelled']);
  });

  it('reports a PDF of the sample step by step, its fraction rising to 1, and forgets it once done', async () => {
    const running = call({
      exportId: 'watched',
      specs: 'all',
      format: 'pdf',
      include: ['stories', 'matrix'],
    });
    const seen = await watchProgress('watched', running);
    const fractions = seen.map((progress) => progress.fraction);
    expect({
      finished: (await running).ok,
      steps: [...new Set(seen.map((progress) => progress.step))],
      rising: fractions.every((fraction, index) => index === 0 || fraction > fractions[index - 1]!),
      first: fractions[0],
      last: fractions.at(-1),
      after: (await call({ exportId: 'watched' }, 'exportProgress')).error,
    }).toEqual({
      finished: true,
      steps: [
        'Gathering documents',
        'Starting the PDF printer',
        // The contents are numbered from the page's layout before the one print (its outline agrees).
        'Printing pages — pass 1',
        'Saving the file',
        'Finishing',
      ],
      rising: true,
      first: 0,
      last: 1,
      after: 'unknown-export',
    });
  });

  const refusals: [string, unknown, string][] = [
    ['an unknown spec', { exportId: 'x', specs: ['SPEC-99'], format: 'md', include: [] }, 'bad-request'],
    ['an unknown format', { exportId: 'x', specs: 'all', format: 'docx', include: [] }, 'invalid-arguments'],
    [
      'an unknown part',
      { exportId: 'x', specs: 'all', format: 'md', include: ['secrets'] },
      'invalid-arguments',
    ],
    ['a cancel of nothing', { cancel: 'nothing' }, 'not-running'],
  ];
  it.each(refusals)('refuses %s', async (_name, input, error) => {
    expect((await call(input)).error).toEqual(error);
  });

  const progressRefusals: [string, unknown, string][] = [
    ['progress of an export that never ran', { exportId: 'never' }, 'unknown-export'],
    ['progress of a bad id', { exportId: '../x' }, 'invalid-arguments'],
  ];
  it.each(progressRefusals)('refuses %s', async (_name, input, error) => {
    expect((await call(input, 'exportProgress')).error).toEqual(error);
  });
});

describe('stepWords', () => {
  const cases: [string, number, string][] = [
    ['starting Chromium', 0, 'Starting the PDF printer'],
    ['drawing diagrams', 0, 'Drawing diagrams'],
    ['printing', 1, 'Printing pages — pass 1'],
    ['printing with page numbers', 3, 'Printing pages — pass 3'],
    ['writing', 0, 'Saving the file'],
    ['done', 2, 'Finishing'],
    ['something new', 0, 'Exporting'],
  ];
  it.each(cases)('%s (pass %i) reads %s', (step, passes, expected) => {
    expect(stepWords(step, passes)).toEqual(expected);
  });
});

describe('bundleName', () => {
  const slugs = new Map([
    ['SPEC-1', 'guest-checkout'],
    ['SPEC-2', 'saved-payment-methods'],
    ['SPEC-3', 'תשלום-כאורח'],
    ['SPEC-4', '..-..-evil'],
  ]);
  const cases: [readonly string[] | 'all', string, string][] = [
    [['SPEC-1'], 'Acme', 'guest-checkout'],
    [['SPEC-1', 'SPEC-2'], 'Acme', 'guest-checkout-and-saved-payment-methods'],
    [['SPEC-1', 'SPEC-2', 'SPEC-3', 'SPEC-4'], 'Acme', 'guest-checkout-and-3-more'],
    [['SPEC-3'], 'Acme', 'תשלום-כאורח'],
    [['SPEC-4'], 'Acme', 'evil'],
    [['SPEC-9'], 'Acme', 'SPEC-9'],
    ['all', 'Acme checkout', 'Acme-checkout-specs'],
    ['all', '../../evil', 'evil-specs'],
    ['all', '///', 'specs'],
  ];
  it.each(cases)('%j in %s is %s', (specs, name, expected) => {
    expect(bundleName(specs, name, (key) => slugs.get(key))).toEqual(expected);
  });
});
