import { describe, it, expect } from 'vitest';
import type { LinkView } from '../../../shared/contract/apiContract.js';
import type { DocumentEntry, DocumentType } from '../../../shared/model/documentModel.js';
import type { RoadmapItem } from '../../../shared/model/roadmapModel.js';
import { indexSnapshot } from '../../workbench/workspaceState.js';
import { linkGroups } from './linkGroups.js';
import { documentEntryFixture } from '../../../shared/model/documentEntryFixture.js';

function entry(
  path: string,
  type: DocumentType,
  key: string,
  extra: Partial<DocumentEntry> = {},
): DocumentEntry {
  return documentEntryFixture({ path, key, type, title: key, ...extra });
}

const requirement = (key: string, roadmap: string[]) => ({
  key,
  roadmap,
  line: 5,
  endLine: 8,
  summary: `${key} text`,
});
const documents = [
  entry('specs/a.md', 'spec', 'SPEC-1', {
    requirements: [requirement('REQ-1', ['RM-1']), requirement('REQ-2', [])],
  }),
  entry('stories/s.md', 'story', 'STORY-1', { implements: ['REQ-1'] }),
  entry('stories/t.md', 'story', 'STORY-2', {
    implements: ['REQ-2'],
    depends: ['STORY-1', 'REQ-1', 'STORY-9'],
  }),
  entry('faqs/f.md', 'faq', 'FAQ-1', { answers: ['SPEC-1'] }),
  documentEntryFixture({ path: 'notes/Home.md', title: 'Home' }),
  documentEntryFixture({ path: 'notes/Plan.md', title: 'Plan' }),
];
const roadmap: RoadmapItem[] = [
  { key: 'RM-1', title: 'Guest', description: '', lane: 'now', rank: 0, status: 'planned' },
];
const workspace = { documents, ...indexSnapshot(documents, roadmap) };
const mention: LinkView = { from: 'STORY-2', to: 'SPEC-1', kind: 'mentions', path: 'stories/t.md', line: 9 };

const summary = (groups: ReturnType<typeof linkGroups>) =>
  groups.map(
    (group) => `${group.title}: ${group.items.map((item) => `${item.key} ${item.hash}`).join(', ')}`,
  );

describe('linkGroups', () => {
  const cases: [string, string[], string[]][] = [
    [
      'a spec: roadmap items of its requirements, stories implementing any of them, mentions',
      summary(linkGroups(workspace, 'specs/a.md', undefined, [mention])),
      [
        'Delivers: RM-1 #/roadmap/RM-1',
        'Implemented by: STORY-1 #/STORY-1, STORY-2 #/STORY-2',
        'Needed by: STORY-2 #/STORY-2',
        'Links to: ',
        'Mentioned by: STORY-2 #/doc/stories/t.md?line=9',
      ],
    ],
    [
      'one requirement: only its own roadmap item and stories',
      summary(linkGroups(workspace, 'specs/a.md', 'REQ-1', [])),
      [
        'Delivers: RM-1 #/roadmap/RM-1',
        'Implemented by: STORY-1 #/STORY-1',
        'Needed by: STORY-2 #/STORY-2',
        'Mentioned by: ',
      ],
    ],
    [
      'a story: its requirements and, through them, the roadmap',
      summary(linkGroups(workspace, 'stories/s.md', undefined, [])),
      [
        'Implements: REQ-1 #/REQ-1',
        'Delivers: RM-1 #/roadmap/RM-1',
        'Depends on: ',
        'Needed by: STORY-2 #/STORY-2',
        'Links to: ',
        'Mentioned by: ',
      ],
    ],
    [
      'a story that waits: what it depends on, a missing key marked missing',
      linkGroups(workspace, 'stories/t.md', undefined, [])
        .filter((group) => group.title === 'Depends on')
        .map((group) => group.items.map((item) => `${item.key}=${item.title}`).join(', ')),
      ['STORY-1=STORY-1, REQ-1=REQ-1 text, STORY-9=Not found in this workspace'],
    ],
    [
      'an FAQ: what it answers and who mentions it, no Delivers or Implemented by',
      summary(linkGroups(workspace, 'faqs/f.md', undefined, [])),
      ['Answers: SPEC-1 #/SPEC-1', 'Links to: ', 'Mentioned by: '],
    ],
    [
      'a note without a key: what it links to (by key, by name, a file, a missing name, once each) and who mentions it',
      summary(
        linkGroups(
          workspace,
          'notes/Plan.md',
          undefined,
          [{ from: 'notes/Home.md', to: 'notes/Plan.md', kind: 'mentions', path: 'notes/Home.md', line: 3 }],
          ['SPEC-1', 'notes/Home.md', 'RM-1', 'assets/chart.png', 'Not written yet', 'SPEC-1'].map((to) => ({
            from: 'notes/Plan.md',
            to,
            kind: 'mentions' as const,
            path: 'notes/Plan.md',
            line: 2,
          })),
        ),
      ),
      [
        'Links to: SPEC-1 #/SPEC-1, notes/Home.md #/doc/notes/Home.md, RM-1 #/roadmap/RM-1, assets/chart.png , Not written yet ',
        'Mentioned by: notes/Home.md #/doc/notes/Home.md?line=3',
      ],
    ],
    [
      'a missing file reads as missing like a missing note; an ambiguous name says so on both sides',
      linkGroups(
        workspace,
        'notes/Plan.md',
        undefined,
        [
          {
            from: 'notes/Home.md',
            to: 'notes/Plan.md',
            kind: 'mentions',
            path: 'notes/Home.md',
            line: 3,
            state: 'ambiguous',
          },
        ],
        [
          { to: 'assets/chart.png' },
          { to: 'Engelbart.jpg', state: 'missing' as const },
          { to: 'Not written yet', state: 'missing' as const },
          { to: 'notes/Home.md', state: 'ambiguous' as const },
        ].map((link) => ({
          from: 'notes/Plan.md',
          kind: 'mentions' as const,
          path: 'notes/Plan.md',
          line: 2,
          ...link,
        })),
      ).map(
        (group) =>
          `${group.title}: ${group.items.map((item) => `${item.key}=${item.title} (${item.detail ?? ''})`).join(', ')}`,
      ),
      [
        'Links to: assets/chart.png=assets/chart.png (file), Engelbart.jpg=Not found in this workspace (), Not written yet=Not found in this workspace (), notes/Home.md=Home (ambiguous name)',
        'Mentioned by: notes/Home.md=Home (ambiguous name)',
      ],
    ],
  ];
  it('names the folder of two linked notes that share a title, and of no other', () => {
    const vault = [
      documentEntryFixture({ path: 'Maya/Launch plan.md', title: 'Launch plan' }),
      documentEntryFixture({ path: 'Obsidian Sync/Security and privacy.md', title: 'Security and privacy' }),
      documentEntryFixture({
        path: 'Obsidian Publish/Security and privacy.md',
        title: 'Security and privacy',
      }),
      documentEntryFixture({ path: 'Home.md', title: 'Home' }),
    ];
    const lookup = { documents: vault, ...indexSnapshot(vault, []) };
    const to = (target: string): LinkView => ({
      from: 'Maya/Launch plan.md',
      to: target,
      kind: 'mentions',
      path: 'Maya/Launch plan.md',
      line: 3,
    });
    const outgoing = [
      'Obsidian Sync/Security and privacy.md',
      'Obsidian Publish/Security and privacy.md',
      'Home.md',
    ];
    const linksTo = linkGroups(lookup, 'Maya/Launch plan.md', undefined, [], outgoing.map(to)).find(
      (group) => group.title === 'Links to',
    );
    expect(linksTo?.items.map((item) => [item.title, item.folder])).toEqual([
      ['Security and privacy', 'Obsidian Sync/'],
      ['Security and privacy', 'Obsidian Publish/'],
      ['Home', undefined],
    ]);
  });

  it.each(cases)('%s', (_name, actual, expected) => {
    expect(actual).toEqual(expected);
  });
});
