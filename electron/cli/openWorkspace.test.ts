import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, failureShape, json, sample, specbench, temporaryFolder } from './testing/cliProcess.js';

// Which workspace a folder names, as users meet it: the compiled CLI on real folders.
beforeAll(buildCli, 120_000);

const reporting = [['check'], ['trace'], ['list'], ['search', 'checkout'], ['show', 'SPEC-1']] as const;

function run(
  [name, ...rest]: readonly [string, ...string[]],
  dir: string,
  cwd?: string,
): ReturnType<typeof specbench> {
  return specbench([name, dir, ...rest], cwd);
}

describe('a folder that is not a workspace', () => {
  it('a folder of Markdown (a vault, the docs of a repository) is read as it is, with a warning, writing no cache', () => {
    const folder = temporaryFolder();
    writeFileSync(
      path.join(folder, 'notes.md'),
      '# Notes\n\nNothing keyed here, no SPEC-1 and no key for the checkout. See [[Missing]].\n',
    );
    const runs = reporting.map((command) => run(command, folder));
    expect([
      ...runs.map((each) => [each.code, each.stderr.split('\n')[0]]),
      // check reports the broken link, without the hint about a workspace's first spec.
      runs[0]!.stdout.includes('[[Missing]]') && !runs[0]!.stdout.includes('No specs yet'),
      runs[3]!.stdout.includes('notes.md'),
      existsSync(path.join(folder, '.specbench')),
    ]).toEqual([
      ...reporting.map(([command]) => [
        command === 'show' ? 3 : 0,
        `specbench: ${command}: warning: ${folder} is not a Specbench workspace (no specbench.json, and none of its 1 Markdown file has a key); reading it as a folder of Markdown`,
      ]),
      true,
      true,
      false,
    ]);
  });

  it('a folder without Markdown is refused in one line, exit 2', () => {
    const folder = temporaryFolder();
    writeFileSync(path.join(folder, 'photo.png'), 'not markdown');
    const runs = reporting.map((command) => run(command, folder));
    expect([
      ...runs.map(failureShape),
      runs.every((each) =>
        each.stderr.includes('is not a Specbench workspace: it has no specbench.json and no Markdown file'),
      ),
      existsSync(path.join(folder, '.specbench')),
    ]).toEqual([...reporting.map(() => ({ code: 2, lines: 1, prefixed: true, stack: false })), true, false]);
  });

  it('with several workspaces below, each command names them and exits 2 instead of merging them', () => {
    const parent = temporaryFolder();
    for (const name of ['web', 'mobile']) specbench(['init', name, '--sample'], parent);
    const runs = reporting.map((command) => run(command, '.', parent));
    expect([
      ...runs.map((each) => [each.code, each.stdout, each.stderr]),
      specbench(['check', parent]).stderr,
      existsSync(path.join(parent, '.specbench')),
    ]).toEqual([
      ...reporting.map(([command]) => [
        2,
        '',
        `specbench: ${command}: . is not a Specbench workspace, and 2 workspaces are below it (mobile, web): name one\n`,
      ]),
      `specbench: check: ${parent} is not a Specbench workspace, and 2 workspaces are below it (${path.join(parent, 'mobile')}, ${path.join(parent, 'web')}): name one\n`,
      false,
    ]);
  });

  it('check finds the one workspace below, as git finds its repository', () => {
    const parent = temporaryFolder();
    mkdirSync(path.join(parent, 'docs'));
    specbench(['init', path.join('docs', 'product')], parent);
    const result = specbench(['check', '.'], parent);
    expect([result.code, result.stderr, result.stdout.split('\n')[0]]).toEqual([
      0,
      `specbench: check: using the workspace in ${path.join('docs', 'product')}\n`,
      'No findings in 0 documents.',
    ]);
  });
});

describe('a folder inside a workspace', () => {
  // Every reporting command run twice as its own process: over 20 s at load 12 on two cores (the
  // clean-clone rehearsal, 2026-12-08); a time budget only, the comparison is unchanged.
  it('stands for the whole workspace, as a subfolder of a git repository does', { timeout: 90_000 }, () => {
    const specs = path.join(sample, 'specs');
    const fromRoot = reporting.map((command) => run([...command, '--json'] as const, sample));
    const fromSpecs = reporting.map((command) => run([...command, '--json'] as const, '.', specs));
    expect(
      fromSpecs.map((each, index) => [
        each.code,
        each.stderr,
        JSON.stringify(json(each)) === JSON.stringify(json(fromRoot[index]!)),
      ]),
    ).toEqual(reporting.map(([command]) => [0, `specbench: ${command}: using the workspace in ..\n`, true]));
  });
});
