import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../engine/workspace.js';
import { renderBundleHtml } from './bundleHtml.js';
import { renderBundleMarkdown } from './markdownBundle.js';
import { collectBundle, type SpecBundle } from './specBundle.js';

let root: string;
let workspace: Workspace;

const review = `# Review comments on SPEC-1

## On REQ-1 <!-- thread t-one on="REQ-1" -->

**Rae Reviewer** · 2026-12-06T10:00:00Z <!-- comment c-one -->

Why email first? <script>alert(1)</script>

## On REQ-2 <!-- thread t-two on="REQ-2" -->

**Rae Reviewer** · 2026-12-06T10:07:00Z <!-- comment c-two -->

Settled already.

**Dana** · 2026-12-06T11:00:00Z · resolved <!-- comment c-three -->
`;

beforeAll(async () => {
  root = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-comments-bundle-')), 'acme');
  await fs.cp(path.join(import.meta.dirname, '../../samples/acme-checkout'), root, { recursive: true });
  await fs.mkdir(path.join(root, 'reviews'));
  await fs.writeFile(path.join(root, 'reviews/SPEC-1.md'), review);
  const opened = await Workspace.open(root, { cache: false });
  if (!opened.ok) throw new Error(opened.message);
  workspace = opened.workspace;
});
afterAll(async () => {
  await workspace.close();
  await fs.rm(path.dirname(root), { recursive: true, force: true });
});

async function bundle(include: ('comments' | 'matrix')[]): Promise<SpecBundle> {
  const collected = await collectBundle(workspace, { specs: ['SPEC-1'], include });
  if (!collected.ok) throw new Error(collected.message);
  return collected.bundle;
}

describe('the unresolved comments appendix', () => {
  it('lists open threads only, escaped, when asked for, and is absent otherwise', async () => {
    const html = renderBundleHtml(await bundle(['comments']), { date: new Date(0) }).html;
    const without = renderBundleHtml(await bundle(['matrix']), { date: new Date(0) }).html;
    expect([
      html.includes('<h1><span class="number">2</span> Unresolved comments</h1>'),
      html.includes('Why email first? &lt;script&gt;alert(1)&lt;/script&gt;'),
      html.includes('Settled already.'),
      html.includes('<script>'),
      without.includes('Unresolved comments'),
    ]).toEqual([true, true, false, false, false]);
  });

  it('is a section of the Markdown bundle too', async () => {
    const { markdown } = renderBundleMarkdown(await bundle(['comments']), { date: new Date(0) });
    const appendix = markdown.slice(markdown.indexOf('# Unresolved comments'));
    expect(appendix).toBe(
      [
        '# Unresolved comments',
        '',
        '## SPEC-1 Guest checkout',
        '',
        '### On REQ-1',
        '',
        '**Rae Reviewer** · 2026-12-06 10:00 UTC',
        '',
        'Why email first? \\<script\\>alert(1)\\</script\\>',
        '',
      ].join('\n'),
    );
  });
});
