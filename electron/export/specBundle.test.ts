import { beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../engine/workspace.js';
import { splitDocument } from '../../shared/frontMatter/frontMatter.js';
import {
  collectBundle,
  compareKeys,
  documentBody,
  parseParts,
  type BundlePart,
  type BundleRequest,
} from './specBundle.js';
import { bundleOf, sampleCopy, workspaceWith } from './testing/exportFixtures.js';

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
        matrix: [
          'REQ-1:approved:RM-1:now:STORY-1',
          'REQ-2:approved:RM-1:now:STORY-2',
          'REQ-3:approved:RM-2:now:STORY-3',
          'REQ-4:approved:RM-1:now:STORY-4',
        ],
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
    [
      'a requirement',
      { specs: ['REQ-1'], include: [] },
      'not-a-spec: REQ-1 is a requirement, not a spec; it is in SPEC-1: --spec SPEC-1',
    ],
    [
      'any documents by key or path after the specs, each once (walkthrough: a note could not be exported)',
      { specs: ['SPEC-1'], documents: ['STORY-2', 'README.md'], include: ['stories'] },
      {
        documents: ['SPEC-1', 'STORY-2', 'README.md', 'STORY-1', 'STORY-3', 'STORY-4'],
        roadmap: [],
        matrix: undefined,
      },
    ],
    [
      'a note without a key alone',
      { specs: [], documents: ['README.md'], include: ['stories', 'faqs', 'comments'] },
      { documents: ['README.md'], roadmap: [], matrix: undefined },
    ],
    [
      'a path of no document',
      { specs: [], documents: ['nope.md'], include: [] },
      'unknown-key: no document is at nope.md',
    ],
  ];
  it.each(cases)('%s', async (_, request, expected) => {
    const collected = await collectBundle(workspace, request);
    const summary = collected.ok
      ? {
          documents: collected.bundle.documents.map((document) => document.entry.key ?? document.entry.path),
          roadmap: collected.bundle.roadmap.map((item) => item.key),
          matrix: collected.bundle.matrix?.map((row) =>
            [row.requirement, row.status, ...row.roadmap, ...row.lanes, ...row.stories].join(':'),
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

describe('documentBody', () => {
  it('cuts the same body as splitDocument, whatever the line endings, BOM or front matter', async () => {
    const spec = (key: string): string => `key: ${key}\ntype: spec\ntitle: T ${key}`;
    const folder = await workspaceWith({
      'specs/lf.md': `---\n${spec('SPEC-1')}\n---\n## Body\n\ntext\n`,
      'specs/crlf.md': `---\r\n${spec('SPEC-2').replace(/\n/g, '\r\n')}\r\n---\r\n## Body\r\n`,
      'specs/bom.md': `\uFEFF---\n${spec('SPEC-3')}\n---\nBody`,
      'specs/empty.md': `---\n${spec('SPEC-4')}\n---\n`,
      'specs/end.md': `---\n${spec('SPEC-5')}\n---`,
    });
    const sample = await bundleOf(await sampleCopy(), { specs: 'all', include: ['stories', 'faqs'] });
    const edges = await bundleOf(folder, { specs: 'all', include: [] });
    const differing = [...sample.documents, ...edges.documents]
      .filter((document) => documentBody(document) !== splitDocument(document.text).body)
      .map((document) => document.entry.path);
    expect({ documents: sample.documents.length + edges.documents.length, differing }).toEqual({
      documents: 21,
      differing: [],
    });
  });
});

describe('compareKeys', () => {
  it('orders by prefix, then by number', () => {
    expect(['STORY-10', 'SPEC-10', 'SPEC-2', 'FAQ-1', 'SPEC-1', 'notes'].sort(compareKeys)).toEqual([
      'FAQ-1',
      'SPEC-1',
      'SPEC-2',
      'SPEC-10',
      'STORY-10',
      'notes',
    ]);
  });
});
