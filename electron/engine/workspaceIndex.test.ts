import { describe, expect, it } from 'vitest';
import { frontMatterFieldLines } from './fieldLines.js';
import { WorkspaceIndex } from './workspaceIndex.js';

const version = { size: 0, mtimeMs: 0, hash: '' };

const files: Record<string, string> = {
  'specs/guest.md': `---
key: SPEC-3
title: Guest checkout
---
## Requirements
:::requirement{#REQ-12 priority=must roadmap=RM-3}
Pay without an account.
:::
:::requirement{#REQ-13 priority=should roadmap=RM-3,RM-4}
Receipt by email.
:::
See [[FAQ-2]].
`,
  'stories/pay.md': `---
key: STORY-8
title: Pay as a guest
implements: [REQ-12]
---
Mentions [[SPEC-3#REQ-12]].
`,
  'faqs/guest.md': `---
key: FAQ-2
title: Guest FAQ
answers: [SPEC-3]
---
`,
  'notes/readme.md': '# Notes\nSee [[STORY-8]].\n',
};

function indexOf(entries: Record<string, string>): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const [path, text] of Object.entries(entries)) index.update(path, text, version);
  return index;
}

/** Links as `from kind to @path:line` strings, for compact tables. */
function describeLinks(
  links: { from: string; to: string; kind: string; path: string; line: number }[],
): string[] {
  return links.map((link) => `${link.from} ${link.kind} ${link.to} @${link.path}:${link.line}`);
}

describe('WorkspaceIndex', () => {
  const index = indexOf(files);

  const lookups: [string, unknown, unknown][] = [
    [
      'documents sorted by path',
      index.documents().map((entry) => entry.path),
      ['faqs/guest.md', 'notes/readme.md', 'specs/guest.md', 'stories/pay.md'],
    ],
    ['document by key', index.document('STORY-8')?.path, 'stories/pay.md'],
    ['document by path, titled by its file name', index.document('notes/readme.md')?.title, 'readme'],
    ['unknown key', index.document('SPEC-99'), undefined],
    [
      'requirement with its document',
      [index.requirement('REQ-13')?.requirement.priority, index.requirement('REQ-13')?.document.key],
      ['should', 'SPEC-3'],
    ],
    ['keys', [...index.keys()].sort(), ['FAQ-2', 'REQ-12', 'REQ-13', 'SPEC-3', 'STORY-8']],
  ];
  it.each(lookups)('%s', (_name, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  const links: [string, 'outgoing' | 'incoming', string[]][] = [
    ['SPEC-3', 'outgoing', ['SPEC-3 mentions FAQ-2 @specs/guest.md:12']],
    [
      'SPEC-3',
      'incoming',
      ['FAQ-2 answers SPEC-3 @faqs/guest.md:4', 'STORY-8 mentions SPEC-3 @stories/pay.md:6'],
    ],
    ['REQ-12', 'outgoing', ['REQ-12 delivers RM-3 @specs/guest.md:6']],
    [
      'REQ-12',
      'incoming',
      ['STORY-8 implements REQ-12 @stories/pay.md:4', 'STORY-8 mentions REQ-12 @stories/pay.md:6'],
    ],
    [
      'RM-3',
      'incoming',
      ['REQ-12 delivers RM-3 @specs/guest.md:6', 'REQ-13 delivers RM-3 @specs/guest.md:9'],
    ],
    ['STORY-8', 'incoming', ['notes/readme.md mentions STORY-8 @notes/readme.md:2']],
  ];
  it.each(links)('links of %s, %s', (key, side, expected) => {
    expect(describeLinks(index.links(key)[side])).toEqual(expected);
  });

  const changes: [string, (changed: WorkspaceIndex) => unknown, unknown][] = [
    [
      'a removed story no longer implements',
      (changed) => {
        changed.remove('stories/pay.md');
        return describeLinks(changed.links('REQ-12').incoming);
      },
      [],
    ],
    [
      'an edited spec drops its old requirements',
      (changed) => {
        changed.update(
          'specs/guest.md',
          '---\nkey: SPEC-3\n---\n:::requirement{#REQ-20}\nNew.\n:::\n',
          version,
        );
        return [
          changed.requirement('REQ-12'),
          changed.requirement('REQ-20')?.document.path,
          changed.links('RM-3').incoming,
        ];
      },
      [undefined, 'specs/guest.md', []],
    ],
    [
      'a renamed key moves the document',
      (changed) => {
        changed.update('faqs/guest.md', '---\nkey: FAQ-7\n---\n', version);
        return [changed.document('FAQ-2'), changed.document('FAQ-7')?.path];
      },
      [undefined, 'faqs/guest.md'],
    ],
    [
      'a duplicate key keeps both, the first by path wins',
      (changed) => {
        changed.update('stories/copy.md', '---\nkey: STORY-8\n---\n', version);
        changed.update('stories/a-copy.md', '---\nkey: STORY-8\n---\n', version);
        return changed.documentsWithKey('STORY-8').map((entry) => entry.path);
      },
      ['stories/pay.md', 'stories/copy.md', 'stories/a-copy.md'],
    ],
    [
      'removing an unknown path changes nothing',
      (changed) => [changed.remove('nope.md'), changed.size],
      [false, 4],
    ],
  ];
  it.each(changes)('%s', (_name, change, expected) => {
    expect(change(indexOf(files))).toEqual(expected);
  });
});

describe('frontMatterFieldLines', () => {
  const cases: [string, string, number, object][] = [
    [
      'both fields',
      '---\nkey: A-1\nimplements: [REQ-1]\nanswers: [SPEC-1]\n---\n',
      6,
      { implements: 3, answers: 4 },
    ],
    ['none', '---\nkey: A-1\n---\n', 4, {}],
    ['no front matter', 'implements: [REQ-1]\n', 1, {}],
    ['only inside the front matter', '---\nkey: A-1\n---\nanswers: x\n', 4, {}],
    [
      'keys on lines of their own: a block list, a wrapped flow list',
      '---\nimplements:\n  - REQ-1\n  - REQ-12 # the refund\nanswers: [SPEC-1,\n  SPEC-2]\ntitle: T\n  - REQ-9\n---\n',
      10,
      {
        implements: 2,
        answers: 5,
        items: { implements: { 'REQ-1': 3, 'REQ-12': 4 }, answers: { 'SPEC-2': 6 } },
      },
    ],
  ];
  it.each(cases)('%s', (_name, text, bodyLine, expected) => {
    expect(frontMatterFieldLines(text, bodyLine)).toEqual(expected);
  });
});

describe('WorkspaceIndex: evidence links', () => {
  const index = indexOf({
    ...files,
    'feedback/quote.md':
      '---\nkey: FB-1\ntype: feedback\ntitle: Quote\nabout: [RM-3, REQ-12]\n---\nWe want this.\n',
    'notes/about.md': '---\nkey: DOC-1\nabout: [RM-3]\n---\nNot a feedback note.\n',
  });
  const links: [string, 'outgoing' | 'incoming', string[]][] = [
    [
      'FB-1',
      'outgoing',
      ['FB-1 evidence RM-3 @feedback/quote.md:5', 'FB-1 evidence REQ-12 @feedback/quote.md:5'],
    ],
    [
      'RM-3',
      'incoming',
      [
        'FB-1 evidence RM-3 @feedback/quote.md:5',
        'REQ-12 delivers RM-3 @specs/guest.md:6',
        'REQ-13 delivers RM-3 @specs/guest.md:9',
      ],
    ],
  ];
  it.each(links)('links of %s, %s (about: on other documents is no link)', (key, side, expected) => {
    expect(describeLinks(index.links(key)[side])).toEqual(expected);
  });
});

describe('WorkspaceIndex links by name', () => {
  const vault: Record<string, string> = {
    'Home.md': [
      'Start at [[Projects/Roadmap]] and [[Meeting notes|the notes]].',
      'Aliased: [[Q3 plan]]. Heading: [[Roadmap#Later]]. Self: [[#Top]].',
      'Relative: [the roadmap](Projects/Roadmap.md#later) and ![chart](assets/chart.png).',
      'Dangling: [[Not written yet]].',
      'By key: [[SPEC-1]].',
    ].join('\n'),
    'Projects/Roadmap.md':
      '---\naliases: [Q3 plan]\n---\n# Now\n## Later\nSee [[Home]] and [back](../Home.md).\n',
    'Meeting notes.md': '---\nkey: SPEC-1\ntype: spec\n---\nMentioned by Home by name.\n',
    'Archive/Meeting notes.md': 'An older file with the same name.\n',
  };

  const named = indexOf(vault);
  named.setOtherFiles(['assets/chart.png']);

  const cases: [string, string, 'outgoing' | 'incoming', string[]][] = [
    [
      'by path, alias, heading, label and relative link (the dangling link kept as written)',
      'Home.md',
      'outgoing',
      [
        'Home.md mentions Projects/Roadmap.md @Home.md:1',
        'Home.md mentions SPEC-1 @Home.md:1',
        'Home.md mentions Projects/Roadmap.md @Home.md:2',
        'Home.md mentions Projects/Roadmap.md @Home.md:2',
        'Home.md mentions Projects/Roadmap.md @Home.md:3',
        'Home.md mentions assets/chart.png @Home.md:3',
        'Home.md mentions Not written yet @Home.md:4',
        'Home.md mentions SPEC-1 @Home.md:5',
      ],
    ],
    [
      'backlinks by name, alias and relative path, one per line',
      'Projects/Roadmap.md',
      'incoming',
      [
        'Home.md mentions Projects/Roadmap.md @Home.md:1',
        'Home.md mentions Projects/Roadmap.md @Home.md:2',
        'Home.md mentions Projects/Roadmap.md @Home.md:3',
      ],
    ],
    [
      'a keyed document is mentioned by name too',
      'Meeting notes.md',
      'incoming',
      ['Home.md mentions SPEC-1 @Home.md:1', 'Home.md mentions SPEC-1 @Home.md:5'],
    ],
    ['the same name in another folder is not', 'Archive/Meeting notes.md', 'incoming', []],
    ['links back', 'Home.md', 'incoming', ['Projects/Roadmap.md mentions Home.md @Projects/Roadmap.md:6']],
  ];
  it.each(cases)('%s', (_name, path, side, expected) => {
    expect(describeLinks(named.documentLinks(path)[side])).toEqual(expected);
  });

  it('namesakes in other folders share the mentions of a bare link, marked ambiguous, however deep', () => {
    const ambiguous = indexOf({
      'Home.md': 'Open [[Settings]].\n',
      'User interface/Settings.md': '# Settings\n',
      'Maya/Settings.md': '# Mine\n',
      'Maya/Drafts/Settings.md': '# Draft\n',
    });
    const mentions = (path: string) =>
      ambiguous
        .documentLinks(path)
        .incoming.map((link) => `${link.path}:${link.line} ${link.state ?? 'found'}`);
    expect(
      ['User interface/Settings.md', 'Maya/Settings.md', 'Maya/Drafts/Settings.md'].map(mentions),
    ).toEqual([['Home.md:1 ambiguous'], ['Home.md:1 ambiguous'], ['Home.md:1 ambiguous']]);
  });

  it('a new alias is seen by the next question', () => {
    const changed = indexOf(vault);
    changed.update('Archive/Meeting notes.md', '---\naliases: [Not written yet]\n---\n', version);
    expect(describeLinks(changed.documentLinks('Archive/Meeting notes.md').incoming)).toEqual([
      'Home.md mentions Archive/Meeting notes.md @Home.md:4',
    ]);
  });
});
