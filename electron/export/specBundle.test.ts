import { beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../engine/workspace.js';
import { collectBundle, parseParts, type BundlePart, type BundleRequest } from './specBundle.js';
import { sampleCopy } from './testing/exportFixtures.js';

describe('collectBundle on the sample', () => {
  let workspace: Workspace;

  beforeAll(async () => {
    const opened = await Workspace.open(await sampleCopy(), { cache: false });
    if (!opened.ok) throw new Error(opened.message);
    workspace = opened.workspace;
    return () => workspace.close();
  });

  const all: BundlePart[] = ['stories', 'faqs', 'roadmap', 'matrix'];
  const cases: [string, BundleRequest, unknown][] = [
    [
      'one spec with everything',
      { specs: ['SPEC-1'], include: all },
      {
        documents: ['SPEC-1', 'STORY-1', 'STORY-2', 'STORY-3', 'STORY-4', 'FAQ-1'],
        roadmap: ['RM-1', 'RM-2'],
        matrix: ['REQ-1:RM-1:STORY-1', 'REQ-2:RM-1:STORY-2', 'REQ-3:RM-2:STORY-3', 'REQ-4:RM-1:STORY-4'],
      },
    ],
    [
      'one spec alone',
      { specs: ['SPEC-1'], include: [] },
      { documents: ['SPEC-1'], roadmap: [], matrix: undefined },
    ],
    [
      'two specs in the order asked, stories sorted by key',
      { specs: ['SPEC-4', 'SPEC-3'], include: ['stories'] },
      { documents: ['SPEC-4', 'SPEC-3', 'STORY-9', 'STORY-10'], roadmap: [], matrix: undefined },
    ],
    [
      'every spec',
      { specs: 'all', include: ['faqs'] },
      {
        documents: ['SPEC-1', 'SPEC-2', 'SPEC-3', 'SPEC-4', 'FAQ-1', 'FAQ-2'],
        roadmap: [],
        matrix: undefined,
      },
    ],
    ['an unknown key', { specs: ['SPEC-99'], include: [] }, 'unknown-key: no document has the key SPEC-99'],
    ['a story', { specs: ['STORY-1'], include: [] }, 'not-a-spec: STORY-1 is a story, not a spec'],
    ['a requirement', { specs: ['REQ-1'], include: [] }, 'unknown-key: no document has the key REQ-1'],
  ];
  it.each(cases)('%s', async (_, request, expected) => {
    const collected = await collectBundle(workspace, request);
    const summary = collected.ok
      ? {
          documents: collected.bundle.documents.map((document) => document.entry.key),
          roadmap: collected.bundle.roadmap.map((item) => item.key),
          matrix: collected.bundle.matrix?.map((row) =>
            [row.requirement, ...row.roadmap, ...row.stories].join(':'),
          ),
        }
      : `${collected.error}: ${collected.message}`;
    expect(summary).toEqual(expected);
  });
});

describe('parseParts', () => {
  const cases: [string, ReturnType<typeof parseParts>][] = [
    ['', { ok: true, parts: [] }],
    ['stories,faqs', { ok: true, parts: ['stories', 'faqs'] }],
    [' roadmap , matrix ', { ok: true, parts: ['roadmap', 'matrix'] }],
    ['stories,memes', { ok: false, unknown: 'memes' }],
  ];
  it.each(cases)('%j', (list, expected) => {
    expect(parseParts(list)).toEqual(expected);
  });
});
