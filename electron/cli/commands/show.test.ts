import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, json, specbench, temporaryFolder } from '../testing/cliProcess.js';

beforeAll(buildCli, 120_000);

describe('specbench show prints front matter as written', () => {
  it('keeps numbers that read otherwise as their text (1.10, 012), in text and in --json fields', () => {
    const parent = temporaryFolder();
    specbench(['init', 'ws'], parent);
    const root = path.join(parent, 'ws');
    mkdirSync(path.join(root, 'specs'), { recursive: true });
    writeFileSync(
      path.join(root, 'specs', 'versions.md'),
      '---\nkey: SPEC-1\ntype: spec\ntitle: Versions\nversion: 1.10\ncode: 012\nsize: 3\nratio: 2.5\nbuilds: [1.0, 7]\nlimits: {max: 1e3}\n---\n# Versions\n',
    );
    const text = specbench(['show', root, 'SPEC-1']).stdout.split('\n');
    const fields = json(specbench(['show', root, 'SPEC-1', '--json'])).fields;
    expect({
      rows: text.filter((line) => /^(version|code|size|ratio|builds|limits) /.test(line)),
      fields,
    }).toEqual({
      rows: [
        'version  1.10',
        'code     012',
        'size     3',
        'ratio    2.5',
        'builds   1.0, 7',
        'limits   max: 1e3',
      ],
      fields: {
        key: 'SPEC-1',
        type: 'spec',
        title: 'Versions',
        version: '1.10',
        code: '012',
        size: 3,
        ratio: 2.5,
        builds: ['1.0', 7],
        limits: { max: '1e3' },
      },
    });
  });
});
