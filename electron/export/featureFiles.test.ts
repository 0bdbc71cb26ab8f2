import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AstBuilder, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin';
import { IdGenerator } from '@cucumber/messages';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/runCli.js';
import { sampleCopy, workspaceWith } from './testing/exportFixtures.js';

/** Every file in `folder` through Cucumber's own parser: what QA's runner will read. */
async function parsedFeatures(folder: string) {
  const parsed: Record<
    string,
    { tags: string[]; feature: string; description: string; scenarios: string[][] }
  > = {};
  for (const name of (await fs.readdir(folder)).sort()) {
    const text = await fs.readFile(path.join(folder, name), 'utf8');
    const document = new Parser(
      new AstBuilder(IdGenerator.incrementing()),
      new GherkinClassicTokenMatcher(),
    ).parse(text);
    const feature = document.feature!;
    parsed[name] = {
      tags: feature.tags.map((tag) => tag.name),
      feature: feature.name,
      description: feature.description.trim(),
      scenarios: feature.children.map((child) => [
        child.scenario!.name,
        ...child.scenario!.steps.map((step) => `${step.keyword}${step.text}`),
      ]),
    };
  }
  return parsed;
}

async function exportFeatures(root: string, args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['export', root, ...args, '--format', 'feature', '--out', 'features'], {
    cwd: path.dirname(root),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr, folder: path.join(path.dirname(root), 'features') };
}

describe('export --format feature', () => {
  it("writes one file per story of the sample that Cucumber's parser reads, a scenario per criterion", async () => {
    const root = await sampleCopy();
    const run = await exportFeatures(root, ['--all']);
    const features = await parsedFeatures(run.folder);
    expect({
      run: [run.code, run.stdout, run.stderr],
      files: Object.keys(features).length,
      scenarios: Object.values(features).reduce((sum, feature) => sum + feature.scenarios.length, 0),
      first: features['story-1-pay-as-a-guest.feature'],
    }).toEqual({
      run: [0, 'Wrote 10 feature files with 22 scenarios to features.\n', ''],
      files: 10,
      scenarios: 22,
      first: {
        tags: ['@STORY-1', '@REQ-1', '@RM-1'],
        feature: 'Pay as a guest',
        description:
          'As a first-time shopper, I want to pay without creating an account so that I can finish my purchase quickly.',
        scenarios: [
          [
            'I see the shipping step',
            'Given a cart and no session',
            'When I choose "Continue as guest"',
            'Then I see the shipping step',
          ],
          [
            'I see the order confirmation and no account exists for my email',
            'Given a guest order',
            'When I pay by card',
            'Then I see the order confirmation and no account exists for my email',
          ],
          [
            'My basket is unchanged',
            'Given I am on the guest path',
            'When I go back to the cart',
            'Then my basket is unchanged',
          ],
        ],
      },
    });
  });

  it('keeps hostile titles and descriptions out of Gherkin syntax, and a criterion that does not split as a comment', async () => {
    const root = await workspaceWith({
      'specs/spec.md':
        '---\nkey: SPEC-1\ntype: spec\ntitle: S\n---\n:::requirement{#REQ-1 roadmap=RM-1}\nR.\n:::\n',
      'stories/odd.md': [
        '---',
        'key: STORY-1',
        'type: story',
        'title: "# Scenario: @tag | \\"\\"\\" title"',
        'implements: [REQ-1]',
        '---',
        'As a **Scenario: shopper**,',
        'I want `code` so that | tables stay text.',
        '',
        '## Acceptance criteria',
        '',
        '- [ ] Given a cart, and a coupon, when I pay, then I see a discount, but no fee.',
        '- [ ] The receipt arrives within a minute.',
        '- [ ] Given a "when, then" banner, when I close it, then it stays closed.',
        '',
      ].join('\n'),
    });
    const run = await exportFeatures(root, ['--spec', 'SPEC-1']);
    const text = await fs.readFile(path.join(run.folder, 'story-1-scenario-tag-title.feature'), 'utf8');
    expect({
      run: [run.code, run.stdout],
      features: await parsedFeatures(run.folder),
      comment: text.includes('  # Not Given/When/Then, so no scenario: The receipt arrives within a minute.'),
    }).toEqual({
      run: [
        0,
        'Wrote 1 feature file with 2 scenarios to features; 1 criterion not in Given/When/Then kept as comments (see specbench check).\n',
      ],
      features: {
        'story-1-scenario-tag-title.feature': {
          tags: ['@STORY-1', '@REQ-1', '@RM-1'],
          feature: '# Scenario: @tag | """ title',
          description: 'As a Scenario: shopper, I want code so that | tables stay text.',
          scenarios: [
            [
              'I see a discount',
              'Given a cart',
              'And a coupon',
              'When I pay',
              'Then I see a discount',
              'But no fee',
            ],
            ['It stays closed', 'Given a "when, then" banner', 'When I close it', 'Then it stays closed'],
          ],
        },
      },
      comment: true,
    });
  });

  it('refuses --include, an unknown spec (exit 3) and a --out that is a file, writing nothing', async () => {
    const root = await sampleCopy();
    const cwd = path.dirname(root);
    await fs.writeFile(path.join(cwd, 'features'), 'a file');
    const runs = [
      await exportFeatures(root, ['--all', '--include', 'stories']),
      await exportFeatures(root, ['--spec', 'SPEC-9']),
      await exportFeatures(root, ['--all']),
    ];
    expect({
      runs: runs.map((run) => [run.code, run.stderr]),
      out: await fs.readFile(path.join(cwd, 'features'), 'utf8'),
    }).toEqual({
      runs: [
        [2, 'specbench: export: --include does not apply to --format feature\n'],
        [3, 'specbench: export: no document has the key SPEC-9\n'],
        [2, `specbench: export: ${path.join(cwd, 'features')} is a file; give a folder\n`],
      ],
      out: 'a file',
    });
  });

  it('a second export removes the files it wrote for a story since retitled, and leaves the user’s own', async () => {
    const root = await sampleCopy();
    await exportFeatures(root, ['--all']);
    const folder = path.join(path.dirname(root), 'features');
    await fs.writeFile(path.join(folder, 'checkout-smoke.feature'), 'Feature: our own smoke test\n');
    const story = path.join(root, 'stories', 'pay-as-a-guest.md');
    await fs.writeFile(
      story,
      (await fs.readFile(story, 'utf8')).replace('title: Pay as a guest', 'title: Pay as a guest shopper'),
    );
    const again = await exportFeatures(root, ['--all']);
    const files = (await fs.readdir(folder)).filter(
      (name) => name.startsWith('story-1-') || name.startsWith('checkout'),
    );
    expect([again.code, again.stdout, files.sort()]).toEqual([
      0,
      'Wrote 10 feature files with 22 scenarios to features; removed 1 feature file it wrote before for stories retitled or gone (story-1-pay-as-a-guest.feature).\n',
      ['checkout-smoke.feature', 'story-1-pay-as-a-guest-shopper.feature'],
    ]);
  });

  it('makes missing folders on the way to --out, as the other formats do', async () => {
    const root = await sampleCopy();
    let stdout = '';
    const code = await runCli(
      ['export', root, '--all', '--format', 'feature', '--out', 'build/test/features'],
      {
        cwd: path.dirname(root),
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: () => undefined },
      },
    );
    expect([
      code,
      stdout,
      (await fs.readdir(path.join(path.dirname(root), 'build/test/features'))).length,
    ]).toEqual([0, 'Wrote 10 feature files with 22 scenarios to build/test/features.\n', 10]);
  });

  it('prints {path, files, scenarios, unsplit} with --json, and refuses --out - (a folder of files)', async () => {
    const root = await sampleCopy();
    const run = await exportFeatures(root, ['--all', '--json']);
    let stderr = '';
    const toStdout = await runCli(['export', root, '--all', '--format', 'feature', '--out', '-'], {
      cwd: path.dirname(root),
      stdout: { write: () => undefined },
      stderr: { write: (text: string) => (stderr += text) },
    });
    expect([run.code, JSON.parse(run.stdout), toStdout, stderr]).toEqual([
      0,
      { path: 'features', files: 10, scenarios: 22, unsplit: 0, removed: [] },
      2,
      'specbench: export: --format feature writes a folder of files; --out - does not apply\n',
    ]);
  });
});
