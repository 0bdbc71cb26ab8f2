import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../shared/contract/documentSummary.js';
import { nextKey } from '../../shared/model/keys.js';
import { takenRequirementKeys } from './takenKeys.js';
import { indexSnapshot } from './workspaceState.js';

function summary(fields: Partial<DocumentSummary> & Pick<DocumentSummary, 'path'>): DocumentSummary {
  return {
    type: 'story',
    title: fields.path,
    implements: [],
    answers: [],
    about: [],
    requirements: [],
    ...fields,
  } as DocumentSummary;
}

describe('takenRequirementKeys', () => {
  // The spec defining REQ-5…REQ-7 was deleted; its stories and an FAQ still name REQ-6 and REQ-7.
  const documents = [
    summary({
      path: 'specs/a.md',
      type: 'spec',
      requirements: [{ key: 'REQ-4', line: 9 }] as DocumentSummary['requirements'],
    }),
    summary({ path: 'stories/s.md', implements: ['REQ-6'] }),
    summary({ path: 'faqs/f.md', type: 'faq', answers: ['REQ-7'] }),
    summary({ path: 'feedback/n.md', type: 'feedback', about: ['RM-2'] }),
  ];
  const workspace = { documents, ...indexSnapshot(documents, []) };

  it('counts keys still named by stories and FAQs, so a new requirement does not take them', () => {
    const taken = takenRequirementKeys(workspace);
    expect({ keys: [...taken].sort(), next: nextKey('REQ', taken) }).toEqual({
      keys: ['REQ-4', 'REQ-6', 'REQ-7', 'RM-2'],
      next: 'REQ-8',
    });
  });

  it('is computed once per list of documents', () => {
    expect(takenRequirementKeys(workspace)).toBe(takenRequirementKeys({ ...workspace }));
  });
});
