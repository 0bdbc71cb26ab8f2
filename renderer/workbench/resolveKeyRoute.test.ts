import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../shared/contract/documentSummary.js';
import type { RoadmapItem } from '../../shared/model/roadmapModel.js';
import { keyAddress, resolveKeyRoute } from './resolveKeyRoute.js';
import { parseRoute, type Route } from './route.js';
import type { StoryViewChoice } from './storyView.js';
import { indexSnapshot } from './workspaceState.js';

function summary(path: string, key: string, type: DocumentSummary['type'], requirements: string[] = []) {
  return {
    path,
    key,
    type,
    title: key,
    implements: [],
    requirements: requirements.map((requirement, index) => ({ key: requirement, line: 10 + index })),
  } as unknown as DocumentSummary;
}

// The files were renamed since the links were shared: the keys still lead to them.
const lookups = indexSnapshot(
  [
    summary('specs/checkout-renamed.md', 'SPEC-1', 'spec', ['REQ-1', 'REQ-4']),
    summary('specs/payments.md', 'SPEC-2', 'spec', ['REQ-9']),
    summary('stories/account-later.md', 'STORY-4', 'story'),
  ],
  [{ key: 'RM-3', title: 'Guest checkout', lane: 'now' } as RoadmapItem],
);

describe('resolveKeyRoute', () => {
  const cases: [string, StoryViewChoice, Route][] = [
    ['#/SPEC-1', 'editor', { name: 'doc', path: 'specs/checkout-renamed.md' }],
    ['#/REQ-4', 'editor', { name: 'doc', path: 'specs/checkout-renamed.md', requirement: 'REQ-4' }],
    ['#/SPEC-1#REQ-4', 'editor', { name: 'doc', path: 'specs/checkout-renamed.md', requirement: 'REQ-4' }],
    // REQ-9 moved to another spec: the link names the old one, the requirement is found where it is.
    ['#/SPEC-1#REQ-9', 'editor', { name: 'doc', path: 'specs/payments.md', requirement: 'REQ-9' }],
    ['#/SPEC-1#REQ-99', 'editor', { name: 'unknownKey', key: 'REQ-99', within: 'SPEC-1' }],
    ['#/SPEC-1#Problem', 'editor', { name: 'doc', path: 'specs/checkout-renamed.md', anchor: 'Problem' }],
    ['#/STORY-4', 'engineer', { name: 'story', path: 'stories/account-later.md' }],
    ['#/STORY-4', 'editor', { name: 'doc', path: 'stories/account-later.md' }],
    // A key link may name the view, whatever this browser's default.
    ['#/STORY-4?view=engineer', 'editor', { name: 'story', path: 'stories/account-later.md' }],
    ['#/STORY-4?view=editor', 'engineer', { name: 'doc', path: 'stories/account-later.md' }],
    ['#/RM-3', 'editor', { name: 'roadmapItem', key: 'RM-3' }],
    ['#/STORY-99', 'engineer', { name: 'unknownKey', key: 'STORY-99' }],
    ['#/roadmap', 'editor', { name: 'roadmap' }],
  ];
  it.each(cases)('%s (%s)', (hash, view, expected) => {
    expect(resolveKeyRoute(parseRoute(hash), lookups, view)).toEqual(expected);
  });
  it('a thread link opens the page it leads to with its thread, in any view', () => {
    expect(resolveKeyRoute(parseRoute('#/SPEC-1#REQ-4?thread=t-1'), lookups, 'editor')).toEqual({
      name: 'doc',
      path: 'specs/checkout-renamed.md',
      requirement: 'REQ-4',
      thread: 't-1',
    });
    expect(resolveKeyRoute(parseRoute('#/SPEC-1#Problem?thread=t%202'), lookups, 'editor')).toEqual({
      name: 'doc',
      path: 'specs/checkout-renamed.md',
      anchor: 'Problem',
      thread: 't 2',
    });
    expect(resolveKeyRoute(parseRoute('#/STORY-4?thread=t-3'), lookups, 'engineer')).toEqual({
      name: 'story',
      path: 'stories/account-later.md',
      thread: 't-3',
    });
  });
  it('a shared editor link opens the engineer view where the receiver may not edit', () => {
    expect(resolveKeyRoute(parseRoute('#/STORY-4?view=editor'), lookups, 'engineer', false)).toEqual({
      name: 'story',
      path: 'stories/account-later.md',
    });
  });

  // The open spec's file was deleted on disk: the index forgot SPEC-7, the editor still holds its text.
  it('leads a key the index no longer has to the editor that holds it', () => {
    const open = { key: 'SPEC-7', path: 'specs/deleted.md' };
    expect(resolveKeyRoute(parseRoute('#/SPEC-7'), { ...lookups, open }, 'editor')).toEqual({
      name: 'doc',
      path: 'specs/deleted.md',
    });
    expect(resolveKeyRoute(parseRoute('#/SPEC-7#Problem'), { ...lookups, open }, 'editor')).toEqual({
      name: 'doc',
      path: 'specs/deleted.md',
      anchor: 'Problem',
    });
    expect(resolveKeyRoute(parseRoute('#/SPEC-8'), { ...lookups, open }, 'editor')).toEqual({
      name: 'unknownKey',
      key: 'SPEC-8',
    });
    // While the index has the key, it decides (the open editor may be an older copy at another path).
    expect(
      resolveKeyRoute(
        parseRoute('#/SPEC-1'),
        { ...lookups, open: { key: 'SPEC-1', path: 'x.md' } },
        'editor',
      ),
    ).toEqual({ name: 'doc', path: 'specs/checkout-renamed.md' });
  });

  // Its own rename is on its way: the file watcher may tell the index of the new file before the
  // rename answers the editor, and a new page for it would swallow what is typed meanwhile.
  it('keeps a key on the editor whose own rename or move is on its way', () => {
    const moving = { key: 'SPEC-1', path: 'specs/untitled-spec.md', moving: true };
    expect(resolveKeyRoute(parseRoute('#/SPEC-1'), { ...lookups, open: moving }, 'editor')).toEqual({
      name: 'doc',
      path: 'specs/untitled-spec.md',
    });
    expect(
      resolveKeyRoute(
        parseRoute('#/STORY-4'),
        { ...lookups, open: { ...moving, key: 'STORY-4' } },
        'engineer',
      ),
    ).toEqual({ name: 'story', path: 'specs/untitled-spec.md' });
    expect(resolveKeyRoute(parseRoute('#/SPEC-2'), { ...lookups, open: moving }, 'editor')).toEqual({
      name: 'doc',
      path: 'specs/payments.md',
    });
  });
});

describe('keyAddress', () => {
  const cases: [string, StoryViewChoice, string | undefined][] = [
    ['#/doc/specs/checkout-renamed.md', 'editor', '#/SPEC-1'],
    ['#/doc/specs/checkout-renamed.md?anchor=Problem', 'editor', '#/SPEC-1#Problem'],
    // A line has no key form: the path stays.
    ['#/doc/specs/checkout-renamed.md?line=12', 'editor', undefined],
    ['#/stories/stories/account-later.md', 'engineer', '#/STORY-4'],
    // In the editor by default, #/STORY-4 opens the editor: the engineer view names itself.
    ['#/stories/stories/account-later.md', 'editor', '#/STORY-4?view=engineer'],
    ['#/doc/stories/account-later.md', 'editor', '#/STORY-4'],
    ['#/doc/stories/account-later.md', 'engineer', '#/STORY-4?view=editor'],
    // An old path, from before a rename this browser or git knows of, finds the document.
    ['#/stories/stories/create-account.md', 'editor', '#/STORY-4?view=engineer'],
    ['#/doc/stories/create-account.md', 'editor', '#/STORY-4'],
    ['#/doc/specs/checkout.md?anchor=Problem', 'editor', '#/SPEC-1#Problem'],
    ['#/stories/stories/never-was.md', 'editor', undefined],
    // The requirement moved to SPEC-2: the address follows it.
    ['#/SPEC-1#REQ-9', 'editor', '#/SPEC-2#REQ-9'],
    ['#/SPEC-1#REQ-4', 'editor', undefined],
    ['#/SPEC-1', 'editor', undefined],
    ['#/doc/notes/unkeyed.md', 'editor', undefined],
  ];
  it.each(cases)('%s (%s) → %s', (hash, storyView, expected) => {
    const renames = new Map([
      ['stories/create-account.md', 'stories/account-later.md'],
      ['specs/checkout.md', 'specs/checkout-old-2.md'],
      ['specs/checkout-old-2.md', 'specs/checkout-renamed.md'],
    ]);
    expect(keyAddress(parseRoute(hash), { ...lookups, renames }, storyView)).toEqual(expected);
  });
});
