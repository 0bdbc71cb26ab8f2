/** A complete `DocumentEntry` from the few fields a test cares about. */
import type { DocumentEntry } from './documentModel.js';

export function documentEntryFixture(fields: Partial<DocumentEntry> & { path: string }): DocumentEntry {
  return {
    type: 'doc',
    title: fields.path,
    implements: [],
    answers: [],
    about: [],
    criteria: [],
    metrics: [],
    fields: {},
    headings: [],
    sections: [],
    requirements: [],
    references: [],
    nameLinks: [],
    aliases: [],
    tags: [],
    blockIds: [],
    htmlAnchors: [],
    bodyLine: 1,
    size: 0,
    mtimeMs: 0,
    hash: '',
    ...fields,
  };
}
