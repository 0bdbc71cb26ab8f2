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

describe('design links and dependencies', () => {
  it('show names each dependency with its status and the design links; check reports an unknown key and a cycle', () => {
    const parent = temporaryFolder();
    specbench(['init', 'ws'], parent);
    const root = path.join(parent, 'ws');
    mkdirSync(path.join(root, 'stories'), { recursive: true });
    const story = (key: string, status: string, extra: string) =>
      writeFileSync(
        path.join(root, 'stories', `${key.toLowerCase()}.md`),
        `---\nkey: ${key}\ntype: story\ntitle: ${key} title\nstatus: ${status}\n${extra}---\nAs a user.\n\n## Acceptance criteria\n\n- [ ] Given a, when b, then c.\n`,
      );
    story(
      'STORY-1',
      'ready',
      'depends:\n  - STORY-2\n  - STORY-9\ndesign:\n  - "[Flow (Figma)](https://www.figma.com/file/x)"\n  - "[Bad](javascript:alert(1))"\n',
    );
    story('STORY-2', 'in-progress', 'depends: [STORY-3]\n');
    story('STORY-3', 'idea', 'depends: [STORY-2]\n');
    const shown = json(specbench(['show', root, 'STORY-1', '--json']));
    const checked = specbench(['check', root, '--json']);
    const findings = (json(checked).findings as { rule: string; line: number; message: string }[])
      .filter((finding) => finding.rule === 'broken-link' || finding.rule === 'dependency-cycle')
      .map((finding) => `${finding.rule}:${finding.line} ${finding.message}`);
    expect({ depends: shown.depends, design: shown.design, findings, exit: checked.code }).toEqual({
      depends: [
        { key: 'STORY-2', kind: 'document', title: 'STORY-2 title', status: 'in-progress' },
        { key: 'STORY-9', missing: true },
      ],
      design: [
        { label: 'Flow (Figma)', url: 'https://www.figma.com/file/x' },
        { label: '[Bad](javascript:alert(1))' },
      ],
      findings: [
        'broken-link:8 STORY-1 depends on STORY-9, which does not exist.',
        'dependency-cycle:6 STORY-2 → STORY-3 → STORY-2: these stories depend on each other in a circle, so none can start first.',
      ],
      exit: 1,
    });
  });
});
