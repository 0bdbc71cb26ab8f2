import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocumentStore } from './documentStore.js';
import { rekey, type RekeyResult } from './rekey.js';

const spec = `---
key: SPEC-3
type: spec
title: Guest checkout
---
## Requirements
:::requirement{#REQ-12 priority=must status=approved roadmap=RM-3,RM-4}
Guest shoppers can pay. See [[SPEC-3#REQ-12]] and [[SPEC-30]].
:::

:::requirement{#REQ-13 priority=should roadmap=RM-3}
Receipts by email, like [[REQ-12]].
:::

\`\`\`markdown
Example: [[SPEC-3]] and [[REQ-12]] stay as written in code.
:::requirement{#REQ-12 roadmap=RM-3}
\`\`\`

Inline \`[[SPEC-3]]\` stays too. Back to [[SPEC-3|guest checkout]], not ![[SPEC-3]].
`;

const story = `---
key: STORY-8
type: story
title: Pay as a guest
implements:
  - REQ-12
  - REQ-13 # the receipt
---
Implements [[SPEC-3#REQ-12|the guest requirement]].
`;

const faq = '---\r\nkey: FAQ-2\r\ntype: faq\r\nanswers: [SPEC-3, SPEC-4]\r\n---\r\nSee [[SPEC-3]].\r\n';
const quoted = '---\r\nkey: STORY-9\r\nimplements:\r\n  - "REQ-12"\r\n  - \'REQ-13\'\r\n---\r\nBody.\r\n';
const note = 'A plain note that mentions SPEC-3 in prose and links [[SPEC-30]].\n';
const roadmap = `{
  "version": 1,
  "items": [
    { "key": "RM-3", "title": "Guest checkout", "lane": "now" },
    { "key": "RM-4", "title": "Wallets", "lane": "next", "description": "Not \\"key\\": \\"RM-3\\"" }
  ]
}
`;

const files = {
  'specs/guest-checkout.md': spec,
  'stories/pay-as-a-guest.md': story,
  'faqs/guest.md': faq,
  'stories/quoted.md': quoted,
  'notes/prose.md': note,
  'roadmap.json': roadmap,
};

function workspace(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'specbench-rekey-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  return root;
}

/** Every file with its text, and the mtime of the ones expected untouched. */
function snapshot(root: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const file = path.join(entry.parentPath, entry.name);
      result[path.relative(root, file)] = readFileSync(file, 'utf8');
    }
  }
  return result;
}

describe('rekey', () => {
  const renames: [string, string, string, Record<string, string>][] = [
    [
      'a spec',
      'SPEC-3',
      'SPEC-9',
      {
        'specs/guest-checkout.md': spec
          .replace('key: SPEC-3', 'key: SPEC-9')
          .replace('See [[SPEC-3#REQ-12]]', 'See [[SPEC-9#REQ-12]]')
          .replace('[[SPEC-3|guest checkout]]', '[[SPEC-9|guest checkout]]'),
        'stories/pay-as-a-guest.md': story.replace('[[SPEC-3#REQ-12|', '[[SPEC-9#REQ-12|'),
        'faqs/guest.md': faq
          .replace('[SPEC-3, SPEC-4]', '[SPEC-9, SPEC-4]')
          .replace('See [[SPEC-3]]', 'See [[SPEC-9]]'),
      },
    ],
    [
      'a requirement',
      'REQ-12',
      'REQ-120',
      {
        'specs/guest-checkout.md': spec
          .replace('{#REQ-12 priority', '{#REQ-120 priority')
          .replace('[[SPEC-3#REQ-12]]', '[[SPEC-3#REQ-120]]')
          .replace('like [[REQ-12]]', 'like [[REQ-120]]'),
        'stories/pay-as-a-guest.md': story
          .replace('  - REQ-12\n', '  - REQ-120\n')
          .replace('[[SPEC-3#REQ-12|', '[[SPEC-3#REQ-120|'),
        'stories/quoted.md': quoted.replace('"REQ-12"', '"REQ-120"'),
      },
    ],
    [
      'a roadmap item',
      'RM-3',
      'RM-7',
      {
        'specs/guest-checkout.md': spec
          .replace('roadmap=RM-3,RM-4}', 'roadmap=RM-7,RM-4}')
          .replace('should roadmap=RM-3}', 'should roadmap=RM-7}'),
        'roadmap.json': roadmap.replace('{ "key": "RM-3"', '{ "key": "RM-7"'),
      },
    ],
  ];
  it.each(renames)('renames %s everywhere but in code: %s → %s', async (_name, oldKey, newKey, changed) => {
    const root = workspace();
    const result = await rekey(new DocumentStore(root), oldKey, newKey, { extraFiles: ['roadmap.json'] });
    expect({ result, files: snapshot(root) }).toEqual({
      result: { ok: true, changedFiles: Object.keys(changed).sort() },
      files: { ...files, ...changed },
    });
  });

  it("renames a story's key in another story's depends:", async () => {
    const root = workspace();
    const later = '---\nkey: STORY-10\ntype: story\ndepends: [STORY-8, REQ-13]\n---\nAfter guest pay.\n';
    writeFileSync(path.join(root, 'stories/later.md'), later);
    const result = await rekey(new DocumentStore(root), 'STORY-8', 'STORY-80', {
      extraFiles: ['roadmap.json'],
    });
    expect({ result, later: snapshot(root)['stories/later.md'] }).toEqual({
      result: { ok: true, changedFiles: ['stories/later.md', 'stories/pay-as-a-guest.md'] },
      later: later.replace('[STORY-8,', '[STORY-80,'),
    });
  });

  it('leaves files the key does not appear in untouched, to the nanosecond', async () => {
    const root = workspace();
    const untouched = ['notes/prose.md', 'roadmap.json'];
    const before = untouched.map((name) => statSync(path.join(root, name), { bigint: true }).mtimeNs);
    await rekey(new DocumentStore(root), 'SPEC-3', 'SPEC-4', { extraFiles: ['roadmap.json'] });
    const after = untouched.map((name) => statSync(path.join(root, name), { bigint: true }).mtimeNs);
    expect(after).toEqual(before);
  });

  const refusals: [string, string, string, Partial<RekeyResult>][] = [
    ['spec-3', 'SPEC-9', 'invalid-key', { message: '"spec-3" is not a key; keys look like SPEC-3.' }],
    ['SPEC-3', 'SPEC 9', 'invalid-key', { message: '"SPEC 9" is not a key; keys look like SPEC-3.' }],
    ['SPEC-3', 'SPEC-3', 'invalid-key', { message: 'The new key is the same as the old one, SPEC-3.' }],
    [
      'SPEC-30',
      'SPEC-31',
      'not-found',
      { message: 'No document, requirement or roadmap item has the key SPEC-30.' },
    ],
    ['STORY-8', 'STORY-9', 'exists', { message: 'STORY-9 is already used in stories/quoted.md.' }],
    [
      'SPEC-3',
      'STORY-99',
      'invalid-key',
      { message: 'STORY-99 is another kind of key than SPEC-3; the new key must start with SPEC- too.' },
    ],
    [
      'REQ-12',
      'RM-12',
      'invalid-key',
      { message: 'RM-12 is another kind of key than REQ-12; the new key must start with REQ- too.' },
    ],
    ['REQ-12', 'REQ-13', 'exists', { message: 'REQ-13 is already used in specs/guest-checkout.md.' }],
    ['RM-3', 'RM-4', 'exists', { message: 'RM-4 is already used in roadmap.json.' }],
  ];
  it.each(refusals)('refuses %s → %s with %s and writes nothing', async (oldKey, newKey, error, rest) => {
    const root = workspace();
    const result = await rekey(new DocumentStore(root), oldKey, newKey, { extraFiles: ['roadmap.json'] });
    expect({ result, files: snapshot(root) }).toEqual({ result: { ok: false, error, ...rest }, files });
  });

  it('puts every file back when one changes on disk in the middle of the commit', async () => {
    const root = workspace();
    const result = await rekey(new DocumentStore(root), 'SPEC-3', 'SPEC-9', {
      extraFiles: ['roadmap.json'],
      beforeCommit: (file) => {
        if (file === 'specs/guest-checkout.md')
          writeFileSync(path.join(root, 'stories/pay-as-a-guest.md'), 'theirs\n');
      },
    });
    expect({ error: result.ok ? 'ok' : result.error, files: snapshot(root) }).toEqual({
      error: 'conflict',
      files: { ...files, 'stories/pay-as-a-guest.md': 'theirs\n' },
    });
  });

  const immutable = canMakeImmutable();
  it.skipIf(!immutable)('puts every file back when a rename fails midway (an immutable file)', async () => {
    const root = workspace();
    const target = path.join(root, 'stories/pay-as-a-guest.md');
    spawnSync('chattr', ['+i', target]);
    try {
      const result = await rekey(new DocumentStore(root), 'SPEC-3', 'SPEC-9', {
        extraFiles: ['roadmap.json'],
      });
      expect({ error: result.ok ? 'ok' : result.error, files: snapshot(root) }).toEqual({
        error: 'io',
        files,
      });
    } finally {
      spawnSync('chattr', ['-i', target]);
    }
  });
});

/** chattr +i refuses even root; where it is missing, the immutable case is skipped and says so. */
function canMakeImmutable(): boolean {
  const probe = path.join(mkdtempSync(path.join(tmpdir(), 'specbench-chattr-')), 'probe');
  writeFileSync(probe, '');
  const works = spawnSync('chattr', ['+i', probe]).status === 0;
  spawnSync('chattr', ['-i', probe]);
  if (!works) console.log('skipped "rename fails midway": chattr +i is not available to this user');
  return works;
}

describe('rekey: releases and evidence', () => {
  const releaseRoadmap = `{
  "version": 1,
  "items": [
    { "key": "RM-3", "title": "Guest checkout", "lane": "now" }
  ],
  "releases": [
    { "key": "REL-1", "name": "Autumn", "status": "released", "items": ["RM-3"] }
  ]
}
`;
  const feedback = '---\nkey: FB-1\ntype: feedback\nabout: [RM-3, REL-1]\n---\nShip it. See [[REL-1]].\n';
  const cases: [string, string, Record<string, string>][] = [
    [
      'RM-3',
      'RM-7',
      {
        'roadmap.json': releaseRoadmap
          .replace('"key": "RM-3"', '"key": "RM-7"')
          .replace('["RM-3"]', '["RM-7"]'),
        'feedback/quote.md': feedback.replace('[RM-3,', '[RM-7,'),
      },
    ],
    [
      'REL-1',
      'REL-4',
      {
        'roadmap.json': releaseRoadmap.replace('"REL-1"', '"REL-4"'),
        'feedback/quote.md': feedback.replace('REL-1]\n', 'REL-4]\n').replace('[[REL-1]]', '[[REL-4]]'),
      },
    ],
  ];
  it.each(cases)('renames %s to %s in releases, about and references', async (oldKey, newKey, expected) => {
    const root = mkdtempSync(path.join(tmpdir(), 'specbench-rekey-'));
    mkdirSync(path.join(root, 'feedback'));
    writeFileSync(path.join(root, 'roadmap.json'), releaseRoadmap);
    writeFileSync(path.join(root, 'feedback', 'quote.md'), feedback);
    const result = await rekey(new DocumentStore(root), oldKey, newKey, { extraFiles: ['roadmap.json'] });
    expect({ result, files: snapshot(root) }).toEqual({
      result: { ok: true, changedFiles: ['feedback/quote.md', 'roadmap.json'] },
      files: expected,
    });
  });
});

describe('rekey of a key one file defines twice (both sides of a merge added REQ-12 to one spec)', () => {
  const second = '\n:::requirement{#REQ-12 priority=could}\nPay by link, like [[REQ-12]].\n:::\n';
  const cases: [string, number | undefined, RekeyResult, string][] = [
    [
      'renames the one at the line given, and no link',
      22,
      { ok: true, changedFiles: ['specs/guest-checkout.md'] },
      spec + second.replace('#REQ-12 priority=could', '#REQ-40 priority=could'),
    ],
    [
      'refuses without a line',
      undefined,
      {
        ok: false,
        error: 'ambiguous',
        message: 'specs/guest-checkout.md defines REQ-12 more than once; rename one of them there by hand.',
        definedIn: ['specs/guest-checkout.md'],
      },
      spec + second,
    ],
    [
      'refuses a line where the key is not defined',
      23,
      {
        ok: false,
        error: 'not-found',
        message: 'specs/guest-checkout.md does not define REQ-12 at line 23.',
      },
      spec + second,
    ],
  ];
  it.each(cases)('%s', async (_name, line, expected, after) => {
    const root = workspace();
    writeFileSync(path.join(root, 'specs', 'guest-checkout.md'), spec + second);
    const result = await rekey(new DocumentStore(root), 'REQ-12', 'REQ-40', {
      extraFiles: ['roadmap.json'],
      file: 'specs/guest-checkout.md',
      ...(line === undefined ? {} : { line }),
    });
    expect({ result, text: readFileSync(path.join(root, 'specs', 'guest-checkout.md'), 'utf8') }).toEqual({
      result: expected,
      text: after,
    });
  });
});

describe('rekey of a key two files define (a merge of two branches)', () => {
  const twin = spec.replace('title: Guest checkout', 'title: Guest checkout, the other branch');
  const duplicated = { ...files, 'specs/guest-checkout-2.md': twin };
  function twins(): string {
    const root = workspace();
    writeFileSync(path.join(root, 'specs', 'guest-checkout-2.md'), twin);
    return root;
  }
  const cases: [string, string, string, string | undefined, RekeyResult, Record<string, string>][] = [
    [
      'refuses to guess which one',
      'SPEC-3',
      'SPEC-9',
      undefined,
      {
        ok: false,
        error: 'ambiguous',
        message:
          "SPEC-3 is defined 2 times (specs/guest-checkout-2.md, specs/guest-checkout.md); say which file's SPEC-3 to rename.",
        definedIn: ['specs/guest-checkout-2.md', 'specs/guest-checkout.md'],
      },
      duplicated,
    ],
    [
      'renames only the definition in the file named, and no link',
      'SPEC-3',
      'SPEC-9',
      'specs/guest-checkout-2.md',
      { ok: true, changedFiles: ['specs/guest-checkout-2.md'] },
      { ...duplicated, 'specs/guest-checkout-2.md': twin.replace('key: SPEC-3', 'key: SPEC-9') },
    ],
    [
      'a requirement: its opening line only, not its roadmap items or references',
      'REQ-12',
      'REQ-40',
      'specs/guest-checkout-2.md',
      { ok: true, changedFiles: ['specs/guest-checkout-2.md'] },
      { ...duplicated, 'specs/guest-checkout-2.md': twin.replace('{#REQ-12 priority', '{#REQ-40 priority') },
    ],
    [
      'a file that does not define the key',
      'SPEC-3',
      'SPEC-9',
      'faqs/guest.md',
      {
        ok: false,
        error: 'not-found',
        message:
          'faqs/guest.md does not define SPEC-3; it is defined in specs/guest-checkout-2.md, specs/guest-checkout.md.',
      },
      duplicated,
    ],
  ];
  it.each(cases)('%s', async (_name, oldKey, newKey, file, expected, after) => {
    const root = twins();
    const result = await rekey(new DocumentStore(root), oldKey, newKey, {
      extraFiles: ['roadmap.json'],
      ...(file === undefined ? {} : { file }),
    });
    expect({ result, files: snapshot(root) }).toEqual({ result: expected, files: after });
  });
});
