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
        [2, 'specbench: export: features is a file; give a folder\n'],
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
      { path: 'features', files: 10, scenarios: 22, unsplit: 0, removed: [], leftOut: [] },
      2,
      'specbench: export: --format feature writes a folder of files; --out - does not apply\n',
    ]);
  });

  describe('--out x.feature, --release and keys that are not specs', () => {
    async function run(root: string, args: string[]) {
      let stdout = '';
      let stderr = '';
      const code = await runCli(['export', root, ...args], {
        cwd: path.dirname(root),
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: (text: string) => (stderr += text) },
      });
      return [code, stdout, stderr];
    }

    it('writes one file named x.feature for one story, and refuses it for several, writing nothing', async () => {
      const root = await sampleCopy();
      const cwd = path.dirname(root);
      const several = await run(root, ['--all', '--format', 'feature', '--out', 'acceptance.feature']);
      const one = await run(root, [
        '--spec',
        'SPEC-3',
        '--format',
        'feature',
        '--out',
        'out/tracking.feature',
      ]);
      expect({
        several,
        one,
        written: await fs.readdir(cwd),
        out: await fs.readdir(path.join(cwd, 'out')),
        feature: (await parsedFeatures(path.join(cwd, 'out')))['tracking.feature']?.feature,
      }).toEqual({
        several: [
          2,
          '',
          'specbench: export: --out acceptance.feature names one file, but 10 stories each get a .feature file; give a folder, such as --out features\n',
        ],
        one: [0, 'Wrote 1 feature file with 2 scenarios to out/tracking.feature.\n', ''],
        written: ['acme-checkout', 'out'],
        out: ['tracking.feature'],
        feature: 'Track my order from the email',
      });
    });

    it('--release writes the stories delivering its items; a roadmap item, release or requirement is not a spec', async () => {
      const root = await sampleCopy();
      const release = await run(root, ['--release', 'REL-1', '--format', 'feature', '--out', 'rel']);
      expect({
        release,
        files: (await fs.readdir(path.join(path.dirname(root), 'rel'))).sort(),
        refused: [
          await run(root, ['--spec', 'RM-4', '--format', 'pdf', '--out', 'a.pdf']),
          await run(root, ['--spec', 'REL-1', '--format', 'feature', '--out', 'f']),
          await run(root, ['--spec', 'REQ-7', '--format', 'md', '--out', 'a.md']),
          await run(root, ['--release', 'REL-9', '--format', 'feature', '--out', 'f']),
          await run(root, ['--release', 'REL-1', '--format', 'md', '--out', 'a.md']),
          await run(root, ['--release', 'REL-1', '--all', '--format', 'feature', '--out', 'f']),
        ],
      }).toEqual({
        release: [0, 'Wrote 3 feature files with 6 scenarios to rel.\n', ''],
        files: [
          'story-1-pay-as-a-guest.feature',
          'story-2-receive-my-receipt-as-a-guest.feature',
          'story-4-create-an-account-after-ordering.feature',
        ],
        refused: [
          [2, '', 'specbench: export: RM-4 is a roadmap item (Apple Pay and Google Pay), not a spec\n'],
          [2, '', 'specbench: export: REL-1 is a release, not a spec\n'],
          [2, '', 'specbench: export: REQ-7 is a requirement, not a spec; it is in SPEC-2: --spec SPEC-2\n'],
          [3, '', 'specbench: export: there is no release REL-9\n'],
          [
            2,
            '',
            'specbench: export: --release applies to --format feature (the acceptance tests of what ships); a bundle takes --spec or --all\n',
          ],
          [2, '', 'specbench: export: give --release alone, not with --spec, --doc or --all\n'],
        ],
      });
    });
  });
});
