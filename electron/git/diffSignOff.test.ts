/**
 * `specbench diff` and the export's "Changes since" chapter report a spec's own status moving and its
 * sign-off changing, not only its requirements: real git, the sample workspace, two tags.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleWorkspaceFolder } from '../cli/packageRoot.js';
import { createGitSandbox, runSpecbenchIn, type GitSandbox } from './testing/gitSandbox.js';

let sandbox: GitSandbox;
let clone: string;
const danaApproval =
  'approvals: [{by: Dana Whitfield, email: dana.whitfield@acme.example, at: 2026-11-20T15:30:00Z, fingerprint: 68bda9c6}]';
const leeApproval = 'approvals: [{by: Lee Park, at: 2026-12-02T09:00:00Z, fingerprint: 0c1d2e3f}]';

async function edit(file: string, change: (text: string) => string): Promise<void> {
  const target = path.join(clone, file);
  const text = await fs.readFile(target, 'utf8');
  const changed = change(text);
  // A replacement that finds nothing would test nothing.
  expect(changed).not.toBe(text);
  await fs.writeFile(target, changed);
}

const specbench = (...args: string[]) => runSpecbenchIn(sandbox, clone, args);

beforeAll(async () => {
  sandbox = await createGitSandbox();
  clone = await sandbox.clone('dana');
  await fs.cp(sampleWorkspaceFolder(), clone, {
    recursive: true,
    filter: (file) => path.basename(file) !== '.specbench',
  });
  sandbox.git(clone, ['add', '-A']);
  sandbox.git(clone, ['commit', '-q', '-m', 'Sample workspace']);
  sandbox.git(clone, ['tag', 'v1']);
  // Promo codes goes to review; order tracking is approved by Lee; Dana's approval of guest checkout is withdrawn.
  await edit('specs/promo-codes.md', (text) => text.replace('status: draft', 'status: review'));
  await edit('specs/order-tracking.md', (text) =>
    text.replace('status: draft', `status: approved\n${leeApproval}`),
  );
  await edit('specs/guest-checkout.md', (text) =>
    text.replace('status: approved', 'status: review').replace(`${danaApproval}\n`, ''),
  );
  sandbox.git(clone, ['commit', '-q', '-am', 'Sign-off round']);
  sandbox.git(clone, ['tag', 'v2']);
}, 60_000);

afterAll(async () => {
  await sandbox.remove();
});

describe('a spec’s status and sign-off between two tags', () => {
  it('are in specbench diff --json', () => {
    const run = specbench('diff', '.', 'v1', 'v2', '--json');
    const report = JSON.parse(run.stdout) as { documents: { changed: unknown[] } };
    expect([run.stderr, report.documents.changed]).toEqual([
      '',
      [
        {
          key: 'SPEC-1',
          path: 'specs/guest-checkout.md',
          title: 'Guest checkout',
          status: { from: 'approved', to: 'review' },
          approvals: {
            added: [],
            removed: [
              {
                by: 'Dana Whitfield',
                email: 'dana.whitfield@acme.example',
                at: '2026-11-20T15:30:00Z',
                fingerprint: '68bda9c6',
              },
            ],
          },
        },
        expect.objectContaining({
          key: 'SPEC-3',
          status: { from: 'draft', to: 'approved' },
          approvals: {
            added: [{ by: 'Lee Park', at: '2026-12-02T09:00:00Z', fingerprint: '0c1d2e3f' }],
            removed: [],
          },
        }),
        expect.objectContaining({
          key: 'SPEC-4',
          status: { from: 'draft', to: 'review' },
          approvals: { added: [], removed: [] },
        }),
      ],
    ]);
  });

  it('read in words in specbench diff and in the export’s chapter', async () => {
    const lines = specbench('diff', '.', 'v1', 'v2').stdout.split('\n');
    const out = path.join(sandbox.root, 'bundle.md');
    const exported = specbench(
      'export',
      '.',
      '--all',
      '--format',
      'md',
      '--out',
      out,
      '--changes-since',
      'v1',
    );
    const bundle = await fs.readFile(out, 'utf8');
    const chapter = bundle.slice(bundle.lastIndexOf('Changes since v1'));
    const section = chapter.slice(chapter.indexOf('## Documents whose status or sign-off changed'));
    expect({
      text: lines.slice(lines.indexOf('Documents whose status or sign-off changed (3)')),
      exported: exported.code,
      chapter: section.split('\n').filter((line) => line.startsWith('- ')),
    }).toEqual({
      text: [
        'Documents whose status or sign-off changed (3)',
        '  SPEC-1  specs/guest-checkout.md  status approved → review; approval by Dana Whitfield on 2026-11-20 no longer there  Guest checkout',
        expect.stringMatching(
          /^ {2}SPEC-3 {2}specs\/order-tracking\.md {2}status draft → approved; approved by Lee Park on 2026-12-02 {2}\S/,
        ),
        expect.stringMatching(/^ {2}SPEC-4 {2}specs\/promo-codes\.md {2}status draft → review {2}\S/),
        '',
      ],
      exported: 0,
      chapter: [
        '- **SPEC-1** Guest checkout: status approved → review; approval by Dana Whitfield on 2026-11-20 no longer there',
        expect.stringMatching(
          /^- \*\*SPEC-3\*\* .+: status draft → approved; approved by Lee Park on 2026-12-02$/,
        ),
        expect.stringMatching(/^- \*\*SPEC-4\*\* .+: status draft → review$/),
      ],
    });
  });
});
