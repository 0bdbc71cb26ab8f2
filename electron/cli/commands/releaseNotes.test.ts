import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspaceWith } from '../../export/testing/exportFixtures.js';
import { runCli } from '../runCli.js';

async function specbench(
  args: string[],
  cwd: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    cwd,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

const item = (key: string, title: string, fields: Record<string, unknown>) => ({
  key,
  title,
  description: `${title}, described.`,
  lane: 'now',
  rank: 0,
  status: 'in-progress',
  ...fields,
});

const roadmap = JSON.stringify({
  version: 1,
  items: [
    item('RM-1', 'Guest checkout', { theme: 'Conversion', releaseNote: 'Pay without an account.' }),
    item('RM-2', 'Saved cards', {
      theme: 'Repeat purchase',
      releaseNote: 'Save a card <script>alert(1)</script> for [next time](javascript:alert(1)).',
    }),
    item('RM-3', 'Wallets', { theme: 'Conversion', status: 'done' }),
    item('RM-4', 'Dropped idea', { status: 'dropped' }),
  ],
  releases: [
    {
      key: 'REL-1',
      name: 'Autumn release',
      date: '2026-10-01',
      status: 'released',
      items: ['RM-2', 'RM-1', 'RM-3', 'RM-4'],
      summary: 'Checkout got faster.',
    },
  ],
});

const spec = `---
key: SPEC-1
type: spec
title: Guest checkout
---
## Requirements

:::requirement{#REQ-1 priority=must status=approved roadmap=RM-1}
Guests pay without an account.
:::

:::requirement{#REQ-2 priority=should status=draft roadmap=RM-1}
Guests get a receipt.
:::
`;
const story = (key: string, implementsKey: string, status: string) =>
  `---\nkey: ${key}\ntype: story\ntitle: Story ${key}\nstatus: ${status}\nimplements: [${implementsKey}]\n---\nAs a guest, I want to pay.\n\n## Acceptance criteria\n\n- [ ] Given a cart, when I pay, then I see a receipt.\n`;

async function workspace(): Promise<string> {
  return workspaceWith({
    'roadmap.json': roadmap,
    'specs/guest.md': spec,
    'stories/pay.md': story('STORY-1', 'REQ-1', 'done'),
    'stories/receipt.md': story('STORY-2', 'REQ-2', 'in-progress'),
  });
}

describe('specbench release-notes', () => {
  it('for customers: each item note by theme, dropped items left out, and never the team’s description', async () => {
    const root = await workspace();
    const run = await specbench(['release-notes', 'workspace', 'REL-1'], path.dirname(root));
    expect(run).toEqual({
      code: 0,
      stdout: [
        '# Autumn release',
        '',
        'Released on 1 October 2026.',
        '',
        'Checkout got faster.',
        '',
        '## Repeat purchase',
        '',
        '- **Saved cards.** Save a card <script>alert(1)</script> for [next time](javascript:alert(1)).',
        '',
        '## Conversion',
        '',
        '- **Guest checkout.** Pay without an account.',
        // Wallets has no release note: its title alone, not "Wallets, described." (the team's text).
        '- **Wallets.**',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('for the team: requirements, stories with their status, readiness and open problems', async () => {
    const root = await workspace();
    const run = await specbench(
      ['release-notes', 'workspace', 'REL-1', '--audience', 'internal'],
      path.dirname(root),
    );
    const guest = run.stdout.slice(run.stdout.indexOf('### RM-1'), run.stdout.indexOf('### RM-3'));
    expect({ code: run.code, head: run.stdout.split('\n').slice(0, 3), guest }).toEqual({
      code: 0,
      head: [
        '# Autumn release — internal notes',
        '',
        'REL-1 · Released on 1 October 2026. 1 of 4 items ready · 1 of 2 stories done.',
      ],
      guest: [
        '### RM-1 Guest checkout (in progress, not ready)',
        '',
        'Guest checkout, described.',
        '',
        'For customers: Pay without an account.',
        '',
        // Why it is not ready, in the same words as the release page.
        'Not ready: REQ-2 not done.',
        '',
        'Requirements:',
        '',
        '- REQ-1 (must, approved): Guests pay without an account. — STORY-1 Story STORY-1 (done)',
        '- REQ-2 (should, draft): Guests get a receipt. — STORY-2 Story STORY-2 (in-progress)',
        '',
        // A story in progress on a draft requirement is one of the problems the team must see.
        'Open problems:',
        '',
        '- warning story-ahead-of-requirement: STORY-2 is in-progress, but REQ-2 (SPEC-1) that it implements is still a draft: settle the requirement first, or move the story back. (stories/receipt.md:6)',
        '',
        '',
      ].join('\n'),
    });
  });

  it('as HTML: one page, the notes sanitised (no script, no javascript: link)', async () => {
    const root = await workspace();
    const cwd = path.dirname(root);
    const run = await specbench(
      ['release-notes', 'workspace', 'REL-1', '--format', 'html', '--out', 'notes.html'],
      cwd,
    );
    const html = await fs.readFile(path.join(cwd, 'notes.html'), 'utf8');
    expect({
      run,
      page: html.startsWith('<!doctype html>') && html.includes('<title>Autumn release</title>'),
      script: /<script/i.test(html),
      javascriptLink: /href="javascript/i.test(html),
      note: /<li><strong>Saved cards\.<\/strong> Save a card &lt;script&gt;alert\(1\)&lt;\/script&gt; for next time\.<\/li>/.test(
        html,
      ),
    }).toEqual({
      run: { code: 0, stdout: 'Wrote notes.html.\n', stderr: '' },
      page: true,
      script: false,
      javascriptLink: false,
      note: true,
    });
  });

  const refusals: [string, string[], string][] = [
    ['not a key', ['autumn'], "release-notes: 'autumn' is not a release key like REL-1"],
    [
      'an unknown audience',
      ['REL-1', '--audience', 'press'],
      "release-notes: --audience must be customers or internal, not 'press'",
    ],
    [
      'an unknown format',
      ['REL-1', '--format', 'pdf'],
      "release-notes: --format must be md or html, not 'pdf'",
    ],
    [
      'a file where a folder should be',
      ['REL-1', '--out', 'workspace/specbench.json/notes.md'],
      'release-notes: ',
    ],
  ];
  it('exits 3 for a release that is nowhere in the workspace', async () => {
    const root = await workspace();
    const run = await specbench(['release-notes', 'workspace', 'REL-9'], path.dirname(root));
    expect([run.code, run.stdout, run.stderr]).toEqual([
      3,
      '',
      'specbench: release-notes: There is no release REL-9.\n',
    ]);
  });

  it.each(refusals)('refuses %s with one line', async (_name, args, message) => {
    const root = await workspace();
    const run = await specbench(['release-notes', 'workspace', ...args], path.dirname(root));
    expect({
      code: run.code,
      stdout: run.stdout,
      starts: run.stderr.startsWith(`specbench: ${message}`),
      lines: run.stderr.split('\n').length,
    }).toEqual({
      code: 2,
      stdout: '',
      starts: true,
      lines: 2,
    });
  });
});
