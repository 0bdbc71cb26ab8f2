/** The bundle's approval line under a stale approval lists which requirements changed and how, with real git. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleWorkspaceFolder } from '../cli/packageRoot.js';
import { Workspace } from '../engine/workspace.js';
import { fileFingerprint } from '../git/approvedChanges.js';
import { createGitSandbox, type GitSandbox } from '../git/testing/gitSandbox.js';
import { renderBundleHtml } from './bundleHtml.js';
import { renderBundleMarkdown } from './markdownBundle.js';
import { collectBundle } from './specBundle.js';

let sandbox: GitSandbox;
let folder: string;
const spec = 'specs/guest-checkout.md';

async function approvalLines(): Promise<{ html: string; markdown: string }> {
  const opened = await Workspace.open(folder, { write: false, watch: false, cache: false });
  if (!opened.ok) throw new Error(opened.message);
  try {
    const collected = await collectBundle(opened.workspace, { specs: ['SPEC-1'], include: [] });
    if (!collected.ok) throw new Error(collected.message);
    const { html } = renderBundleHtml(collected.bundle, { date: new Date('2026-12-07T00:00:00Z') });
    const { markdown } = renderBundleMarkdown(collected.bundle, { date: new Date('2026-12-07T00:00:00Z') });
    const approvals = /<table class="approvals">.*?<\/table>/s.exec(html)?.[0] ?? '';
    return {
      html: approvals.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' '),
      markdown: /^\| Approvals \| (.*) \|$/m.exec(markdown)?.[1] ?? '',
    };
  } finally {
    await opened.workspace.close();
  }
}

beforeAll(async () => {
  sandbox = await createGitSandbox();
  folder = path.join(sandbox.root, 'ws');
  await fs.cp(sampleWorkspaceFolder(), folder, {
    recursive: true,
    filter: (file) => path.basename(file) !== '.specbench',
  });
  sandbox.git(folder, ['init', '-q']);
  sandbox.git(folder, ['add', '-A']);
  sandbox.git(folder, ['commit', '-q', '-m', 'Approved sample']);
}, 60_000);

afterAll(async () => {
  await sandbox.remove();
});

describe('the approval line of a bundle', () => {
  it('says current while the spec is as approved', async () => {
    expect((await approvalLines()).html).toContain('current');
  });

  it('lists the requirements changed since approval, each with its kind of change', async () => {
    const file = path.join(folder, spec);
    const text = await fs.readFile(file, 'utf8');
    await fs.writeFile(
      file,
      `${text
        .replace('Guests give an email address once', 'Guests give an email address exactly once')
        .replace('{#REQ-4 priority=could', '{#REQ-40 priority=could')
        .trimEnd()}\n\n:::requirement{#REQ-50 priority=could}\nA receipt can be printed.\n:::\n`,
    );
    const expected = 'changed since approval: REQ-50 added; REQ-2 reworded; REQ-4 → REQ-40 (new key)';
    const lines = await approvalLines();
    expect(lines).toEqual({
      html: expect.stringContaining(expected) as string,
      markdown: expect.stringContaining(expected) as string,
    });
  });

  it('gives an older approval its own list, not only the latest one', async () => {
    const file = path.join(folder, spec);
    // The edits of the test above, committed and approved again by Sam; then REQ-50 is reworded.
    const edited = await fs.readFile(file, 'utf8');
    const again = `{by: Sam Lee, at: 2026-12-01T10:00:00Z, fingerprint: ${fileFingerprint(spec, edited)}}]`;
    await fs.writeFile(file, edited.replace(/(approvals: \[.*)\]$/m, `$1, ${again}`));
    sandbox.git(folder, ['commit', '-q', '-am', 'Approved again']);
    const approved = await fs.readFile(file, 'utf8');
    await fs.writeFile(
      file,
      approved.replace('A receipt can be printed.', 'A receipt can be printed or emailed.'),
    );
    const lines = await approvalLines();
    expect(lines.html.match(/changed since approval[^]*?(?= SPEC-1 | $)/g)).toEqual([
      'changed since approval: REQ-50 added; REQ-2 reworded; REQ-4 → REQ-40 (new key)',
      'changed since approval: REQ-50 reworded',
    ]);
  });

  it('names what changed since an older approval when the latest one is current', async () => {
    // walk12f finding 7: the latest approval current, the older one said only "changed since approval".
    sandbox.git(folder, ['checkout', '-q', '--', spec]);
    const lines = await approvalLines();
    expect(lines.html.match(/(changed since approval|current)[^]*?(?= SPEC-1 | $)/g)).toEqual([
      'changed since approval: REQ-50 added; REQ-2 reworded; REQ-4 → REQ-40 (new key)',
      'current',
    ]);
  });
});
