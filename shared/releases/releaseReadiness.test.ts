import { describe, expect, it } from 'vitest';
import type { DocumentSummary, RequirementSummary } from '../contract/documentSummary.js';
import type { Release, RoadmapItem } from '../model/roadmapModel.js';
import { releaseNotesMarkdown } from './releaseNotes.js';
import { notCountedRequirements, releaseReadiness } from './releaseReadiness.js';

const item = (key: string, status: RoadmapItem['status'] = 'planned'): RoadmapItem => ({
  key,
  title: `Item ${key}`,
  description: '',
  lane: 'now',
  rank: 0,
  status,
});
const requirement = (key: string, fields: Partial<RequirementSummary> = {}): RequirementSummary => ({
  key,
  line: 1,
  summary: `Requirement ${key}`,
  roadmap: ['RM-1'],
  ...fields,
});
const spec = (...requirements: RequirementSummary[]): DocumentSummary => ({
  path: 'specs/checkout.md',
  key: 'SPEC-1',
  type: 'spec',
  title: 'Checkout',
  implements: [],
  answers: [],
  about: [],
  requirements,
  mtimeMs: 0,
});
const story = (key: string, implementsKeys: string[], status: string): DocumentSummary => ({
  ...spec(),
  path: `stories/${key}.md`,
  key,
  type: 'story',
  title: `Story ${key}`,
  status,
  implements: implementsKeys,
});
const release: Release = { key: 'REL-1', name: 'Spring', status: 'planned', items: ['RM-1'] };

describe('release readiness: one definition for the verdict, the tiles and the notes', () => {
  it('a could-have left open does not count, and says so: the item is ready on its musts alone', () => {
    const documents = [
      spec(
        requirement('REQ-1', { priority: 'must' }),
        requirement('REQ-2', { priority: 'should', status: 'implemented' }),
        requirement('REQ-4', { priority: 'could' }),
      ),
      story('STORY-1', ['REQ-1'], 'done'),
      story('STORY-2', ['REQ-4'], 'draft'),
    ];
    const readiness = releaseReadiness(release, [item('RM-1', 'done')], documents);
    expect(readiness.ready).toBe(true);
    expect(readiness.items[0]).toMatchObject({ ready: true, storiesDone: 1, storiesTotal: 1 });
    expect(readiness.items[0]!.why).toBeUndefined();
    expect(notCountedRequirements(readiness)).toEqual(['REQ-4 (could-have)']);
    // The team's notes say the same: ready, and the could-have is marked as not counted.
    const notes = releaseNotesMarkdown(readiness, 'internal');
    expect(notes).toContain('### RM-1 Item RM-1 (done, ready)');
    expect(notes).toContain('- REQ-4 (could, not counted: could-have)');
  });

  it('an open must keeps the item not ready even when the roadmap says done, and names it', () => {
    const documents = [spec(requirement('REQ-1', { priority: 'must' }), requirement('REQ-2'))];
    const readiness = releaseReadiness(release, [item('RM-1', 'done')], documents);
    expect(readiness.ready).toBe(false);
    expect(readiness.items[0]).toMatchObject({ ready: false, why: 'REQ-1, REQ-2 not done.' });
    expect(releaseNotesMarkdown(readiness, 'internal')).toContain('Not ready: REQ-1, REQ-2 not done.');
  });

  it('deferred and won’t-have requirements do not count either', () => {
    const documents = [
      spec(
        requirement('REQ-1', { status: 'implemented' }),
        requirement('REQ-2', { status: 'deferred' }),
        requirement('REQ-3', { priority: 'wont' }),
      ),
    ];
    const readiness = releaseReadiness(release, [item('RM-1')], documents);
    expect(readiness.ready).toBe(true);
    expect(notCountedRequirements(readiness)).toEqual(['REQ-2 (deferred)', "REQ-3 (won't-have)"]);
  });

  it('with no requirement, not ready unless done on the roadmap, and says why', () => {
    const planned = releaseReadiness(release, [item('RM-1')], []);
    expect(planned.ready).toBe(false);
    expect(planned.items[0]!.why).toBe('No requirement delivers it yet.');
    expect(releaseReadiness(release, [item('RM-1', 'done')], []).ready).toBe(true);
    const onlyCould = releaseReadiness(
      release,
      [item('RM-1')],
      [spec(requirement('REQ-9', { priority: 'could' }))],
    );
    expect(onlyCould.items[0]!.why).toBe(
      "None of its requirements counts (could-have, won't-have or deferred).",
    );
  });

  it('an empty release is not ready', () => {
    expect(releaseReadiness({ ...release, items: [] }, [], []).ready).toBe(false);
  });
});
