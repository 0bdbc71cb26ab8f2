import { describe, it, expect } from 'vitest';
import {
  documentHash,
  documentLink,
  keyHash,
  parseRoute,
  problemsHash,
  releaseHash,
  roadmapHash,
  roadmapItemHash,
  searchHash,
  sectionHash,
  type Route,
} from './route.js';

describe('parseRoute', () => {
  const cases: [string, Route][] = [
    ['', { name: 'home' }],
    ['#/', { name: 'home' }],
    ['#/doc/specs/guest-checkout.md', { name: 'doc', path: 'specs/guest-checkout.md' }],
    ['#/doc/specs/a%20b.md?line=12', { name: 'doc', path: 'specs/a b.md', line: 12 }],
    ['#/doc/specs/a.md?line=x', { name: 'doc', path: 'specs/a.md' }],
    [
      '#/doc/Notes/Plan.md?anchor=Release%20plan',
      { name: 'doc', path: 'Notes/Plan.md', anchor: 'Release plan' },
    ],
    [documentHash('a.md', undefined, '^block-1'), { name: 'doc', path: 'a.md', anchor: '^block-1' }],
    ['#/doc/%E0%A4%A', { name: 'notFound', hash: '#/doc/%E0%A4%A' }],
    ['#/roadmap', { name: 'roadmap' }],
    ['#/roadmap?release=REL-2', { name: 'roadmap', release: 'REL-2' }],
    ['#/roadmap?release=none', { name: 'roadmap', release: 'none' }],
    ['#/roadmap?release=', { name: 'roadmap' }],
    ['#/roadmap/RM-3', { name: 'roadmapItem', key: 'RM-3' }],
    ['#/timeline', { name: 'timeline' }],
    ['#/stories', { name: 'stories', filter: {} }],
    ['#/stories?lane=now&status=ready', { name: 'stories', filter: { lane: 'now', status: 'ready' } }],
    ['#/stories/stories/pay.md', { name: 'story', path: 'stories/pay.md' }],
    ['#/trace', { name: 'trace' }],
    ['#/problems', { name: 'problems' }],
    [problemsHash('broken-link'), { name: 'problems', rule: 'broken-link' }],
    ['#/problems?rule=', { name: 'problems' }],
    ['#/changes', { name: 'changes' }],
    ['#/recovered', { name: 'recovered' }],
    ['#/history/REQ-2', { name: 'history', subject: 'REQ-2' }],
    ['#/history/specs/my%20spec.md', { name: 'history', subject: 'specs/my spec.md' }],
    ['#/history/', { name: 'notFound', hash: '#/history/' }],
    ['#/feedback', { name: 'feedback' }],
    ['#/releases', { name: 'releases' }],
    ['#/releases/REL-2', { name: 'release', key: 'REL-2' }],
    ['#/metrics', { name: 'metrics' }],
    ['#/search/guest%20cart', { name: 'search', query: 'guest cart' }],
    ['#/specs', { name: 'list', type: 'spec' }],
    ['#/notes', { name: 'list', type: 'doc' }],
    ['#/other', { name: 'list', type: 'doc' }],
    ['#/nope', { name: 'notFound', hash: '#/nope' }],
    [documentHash('specs/a #1.md'), { name: 'doc', path: 'specs/a #1.md' }],
    [roadmapHash('REL-1'), { name: 'roadmap', release: 'REL-1' }],
    [roadmapHash(), { name: 'roadmap' }],
    ['#/comments', { name: 'comments', filter: {} }],
    [
      '#/comments?document=SPEC-1&resolved=1',
      { name: 'comments', filter: { document: 'SPEC-1', resolved: true } },
    ],
    ['#/STORY-4', { name: 'key', key: 'STORY-4' }],
    ['#/REQ-4', { name: 'key', key: 'REQ-4' }],
    ['#/SPEC-1#REQ-4', { name: 'key', key: 'SPEC-1', anchor: 'REQ-4' }],
    [keyHash('SPEC-1', 'Open questions'), { name: 'key', key: 'SPEC-1', anchor: 'Open questions' }],
    ['#/SPEC-1#', { name: 'key', key: 'SPEC-1' }],
    ['#/spec-1', { name: 'notFound', hash: '#/spec-1' }],
    ['#/SPEC-1/extra', { name: 'notFound', hash: '#/SPEC-1/extra' }],
  ];
  it.each(cases)('%s', (hash, expected) => {
    expect(parseRoute(hash)).toEqual(expected);
  });
});

describe('hashes', () => {
  const cases: [string, string][] = [
    [documentHash('specs/guest-checkout.md'), '#/doc/specs/guest-checkout.md'],
    [documentHash('specs/a.md', 12), '#/doc/specs/a.md?line=12'],
    [documentHash('a.md', undefined, 'Plan & #2'), '#/doc/a.md?anchor=Plan%20%26%20%232'],
    [documentHash('notes/my notes #1.md'), '#/doc/notes/my%20notes%20%231.md'],
    [roadmapItemHash('RM-3'), '#/roadmap/RM-3'],
    [keyHash('STORY-4'), '#/STORY-4'],
    [keyHash('SPEC-1', 'REQ-4'), '#/SPEC-1#REQ-4'],
    [releaseHash('REL-2'), '#/releases/REL-2'],
    [searchHash('guest & card'), '#/search/guest%20%26%20card'],
    // A keyed document is linked by its key; a line has no key form; a requirement by its own key.
    [documentLink({ path: 'specs/a.md', key: 'SPEC-1' }), '#/SPEC-1'],
    [
      documentLink({ path: 'specs/a.md', key: 'SPEC-1' }, { anchor: 'Open questions' }),
      '#/SPEC-1#Open%20questions',
    ],
    [documentLink({ path: 'specs/a.md', key: 'SPEC-1' }, { line: 12 }), '#/doc/specs/a.md?line=12'],
    [documentLink({ path: 'specs/a.md', key: 'SPEC-1' }, { requirement: 'REQ-4' }), '#/REQ-4'],
    [documentLink({ path: 'notes/plan.md' }), '#/doc/notes/plan.md'],
    [documentLink({ path: 'notes/plan.md' }, { anchor: 'Q2' }), '#/doc/notes/plan.md?anchor=Q2'],
    // A duplicate key leads to the other document: this one keeps its path.
    [
      documentLink({ path: 'specs/b.md', key: 'SPEC-1' }, {}, new Map([['SPEC-1', { path: 'specs/a.md' }]])),
      '#/doc/specs/b.md',
    ],
    [
      documentLink({ path: 'specs/a.md', key: 'SPEC-1' }, {}, new Map([['SPEC-1', { path: 'specs/a.md' }]])),
      '#/SPEC-1',
    ],
  ];
  it.each(cases)('%s', (actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe('sectionHash', () => {
  it('lists plain notes at #/notes, the name the sidebar gives them', () => {
    expect(sectionHash('doc')).toBe('#/notes');
  });
});
