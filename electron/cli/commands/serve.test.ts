import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliContext } from '../cliOutput.js';
import { runCli } from '../runCli.js';
import { startServe } from './serve.js';

let base: string;
let root: string;
beforeAll(async () => {
  base = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-serve-'));
  root = path.join(base, 'acme checkout');
  await fs.cp(path.join(import.meta.dirname, '../../../samples/acme-checkout'), root, { recursive: true });
  await fs.writeFile(path.join(base, 'file.txt'), 'not a folder');
});
afterAll(async () => {
  await fs.rm(base, { recursive: true, force: true });
});

function capture(): { context: CliContext; stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    context: {
      cwd: base,
      stdout: { write: (text: string) => (out += text) },
      stderr: { write: (text: string) => (err += text) },
    },
    stdout: () => out,
    stderr: () => err,
  };
}

describe('serve refuses bad usage with one line and exit 2', () => {
  const cases: [string, string[]][] = [
    ['no folder', []],
    ['two folders', ['a', 'b']],
    ['an unknown option', ['acme checkout', '--open']],
    ['a port that is not a number', ['acme checkout', '--port', 'eighty']],
    ['a port out of range', ['acme checkout', '--port', '70000']],
    ['a missing folder', ['missing']],
    ['a file instead of a folder', ['file.txt']],
  ];
  it.each(cases)('%s', async (_name, argv) => {
    const { context, stdout, stderr } = capture();
    const code = await runCli(['serve', ...argv], context);
    expect([
      code,
      stdout(),
      stderr().split('\n').length,
      /^specbench: /.test(stderr()),
      /\n\s+at /.test(stderr()),
    ]).toEqual([2, '', 2, true, false]);
  });
});

describe('startServe', () => {
  const cases: [string, boolean, string][] = [
    ['read-only', false, 'Read-only (start with --write to edit). Press Ctrl+C to stop.'],
    ['with --write', true, 'Edits are saved to disk. Press Ctrl+C to stop.'],
  ];
  it.each(cases)('prints the serving line first, %s', async (_name, write, second) => {
    const { context, stdout } = capture();
    const running = await startServe(context, 'acme checkout', { port: 0, write });
    if (typeof running === 'number') throw new Error(`exit ${running}`);
    await running.close();
    const [first, next] = stdout().split('\n');
    expect([
      /^Specbench serving acme checkout at http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{43}$/.test(first!),
      next,
    ]).toEqual([true, second]);
  });
});

describe('serve on a folder that is not a workspace', () => {
  it('warns, serves it as a folder of Markdown and writes no cache into it', async () => {
    const folder = path.join(base, 'notes');
    await fs.mkdir(folder);
    await fs.writeFile(path.join(folder, 'todo.md'), '# To do\n');
    const { context, stdout, stderr } = capture();
    const running = await startServe(context, 'notes', { port: 0, write: false, json: true });
    if (typeof running === 'number') throw new Error(`exit ${running}`);
    await running.close();
    const started = JSON.parse(stdout()) as { workspace: boolean; write: boolean };
    expect([stderr(), started.workspace, started.write, await fs.readdir(folder)]).toEqual([
      'specbench: serve: warning: notes is not a Specbench workspace (no specbench.json; 0 of 1 Markdown files have a key); serving it as a folder of Markdown\n',
      false,
      false,
      ['todo.md'],
    ]);
  });

  it('names a missing folder by its whole path', async () => {
    const { context, stderr } = capture();
    const code = await runCli(['serve', path.join('nested', 'missing')], context);
    expect([code, stderr()]).toEqual([
      2,
      `specbench: serve: There is no folder ${path.join(base, 'nested', 'missing')}.\n`,
    ]);
  });
});
