import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, json, sampleCopy, specbench } from '../testing/cliProcess.js';

beforeAll(buildCli, 120_000);

// Written by hand, as a reviewer without Specbench might: one open thread, one resolved, one whose heading is gone.
const review = `# Review comments on SPEC-1

## On REQ-1 <!-- thread t-one on="REQ-1" -->

**Rae Reviewer** <rae@example.com> · 2026-12-06T10:00:00Z <!-- comment c-one -->

Why do we need the email before payment?

## On “Problem” <!-- thread t-two on="#problem" -->

**Rae Reviewer** · 2026-12-06T10:05:00Z <!-- comment c-two -->

Which study is this from?

**Dana** · 2026-12-06T11:00:00Z · resolved <!-- comment c-three -->

## On “Pricing” <!-- thread t-three on="#pricing" -->

**Rae Reviewer** · 2026-12-06T10:07:00Z <!-- comment c-four -->

Where did this section go?
`;

describe('specbench check and review comments', () => {
  it('counts unresolved threads as info and warns about an anchor that is gone, without failing', () => {
    const root = sampleCopy();
    mkdirSync(path.join(root, 'reviews'));
    writeFileSync(path.join(root, 'reviews', 'SPEC-1.md'), review);
    const text = specbench(['check', root]);
    const findings = (
      json(specbench(['check', root, '--json'])).findings as {
        rule: string;
        line: number;
        severity: string;
        message: string;
      }[]
    )
      .filter((finding) => finding.rule.includes('comment'))
      .map((finding) => `${finding.severity} ${finding.rule} :${finding.line} ${finding.message}`);
    expect([text.code, findings, text.stdout.includes('reviews/SPEC-1.md:3')]).toEqual([
      0,
      [
        'info unresolved-comments :3 SPEC-1 has 2 unresolved comment threads.',
        'warning comment-anchor-missing :17 A comment on SPEC-1 is anchored to the heading #pricing, which is no longer there.',
      ],
      true,
    ]);
  });

  it('export --include comments ends the bundle with the open threads', () => {
    const root = sampleCopy();
    mkdirSync(path.join(root, 'reviews'));
    writeFileSync(path.join(root, 'reviews', 'SPEC-1.md'), review);
    const exported = specbench([
      'export',
      root,
      '--spec',
      'SPEC-1',
      '--format',
      'md',
      '--out',
      '-',
      '--include',
      'comments',
    ]);
    const appendix = exported.stdout.slice(exported.stdout.indexOf('# Unresolved comments'));
    expect([exported.code, appendix.match(/^### On .*$/gm)]).toEqual([
      0,
      ['### On REQ-1', '### On “Pricing”'],
    ]);
  });
});
