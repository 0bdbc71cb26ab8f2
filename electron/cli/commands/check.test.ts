import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, json, sampleCopy, specbench } from '../testing/cliProcess.js';

beforeAll(buildCli, 120_000);

describe('specbench check on a duplicate key', () => {
  it('names the other place in the base of its own row: the working folder in text, the workspace in JSON', () => {
    const root = sampleCopy();
    copyFileSync(path.join(root, 'specs', 'guest-checkout.md'), path.join(root, 'specs', 'copy.md'));
    const text = specbench(['check', 'acme'], path.dirname(root)).stdout.split('\n');
    const findings = json(specbench(['check', 'acme', '--json'], path.dirname(root))).findings as {
      path: string;
      message: string;
    }[];
    expect({ text: text[0], json: [findings[0]!.path, findings[0]!.message] }).toEqual({
      text: 'acme/specs/copy.md:1             error  duplicate-key  SPEC-1 is also used in acme/specs/guest-checkout.md:1; keys must be unique.',
      json: ['specs/copy.md', 'SPEC-1 is also used in specs/guest-checkout.md:1; keys must be unique.'],
    });
  });
});
