import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, repository, specbench } from './testing/cliProcess.js';

// The README's command-line examples that only read the bundled sample, run as printed: a change to
// the sample or to an output shows up here instead of in a reader's terminal.
beforeAll(buildCli, 120_000);

interface Example {
  command: string;
  args: string[];
  /** `| head -N`, when the README cuts the output. */
  head?: number;
  expected: string;
}

function readmeExamples(): Example[] {
  const readme = readFileSync(path.join(repository, 'README.md'), 'utf8');
  const examples: Example[] = [];
  for (const block of readme.matchAll(/^```console\n([\s\S]*?)^```$/gm)) {
    for (const part of block[1]!.split(/^(?=\$ )/m)) {
      const [first, ...output] = part.trimEnd().split('\n');
      const command =
        /^\$ npx specbench (\S+) samples\/acme-checkout(?: ([^|]*?))?(?: \| head -(\d+))?$/.exec(first!);
      // Commands that write (export, import, init) or work on a copy are left to their own tests.
      if (!command || ['export', 'import', 'rekey', 'review'].includes(command[1]!)) continue;
      examples.push({
        command: first!,
        args: [command[1]!, path.join('samples', 'acme-checkout'), ...(command[2]?.split(' ') ?? [])],
        ...(command[3] === undefined ? {} : { head: Number(command[3]) }),
        expected: output.join('\n'),
      });
    }
  }
  return examples;
}

describe("the README's examples on the sample", () => {
  const examples = readmeExamples();

  it('are there to check', () => {
    expect(examples.map((example) => example.args[0])).toEqual(
      expect.arrayContaining(['doctor', 'show', 'list', 'search', 'trace', 'release-notes']),
    );
  });

  it.each(examples.map((example) => [example.command, example] as const))('%s', (_, example) => {
    const lines = specbench(example.args, repository).stdout.trimEnd().split('\n');
    expect(
      lines
        .slice(0, example.head ?? lines.length)
        .join('\n')
        .trimEnd(),
    ).toBe(example.expected);
  });
});
