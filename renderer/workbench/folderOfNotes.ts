/** What the workspace mostly is: a folder of notes (a vault, a repository's docs) or a PM workspace. */
import type { DocumentSummary } from '../../shared/contract/documentSummary.js';

export interface SectionCounts {
  spec: number;
  story: number;
  faq: number;
  feedback: number;
  doc: number;
}

/** What each section lists by default: archived documents are counted only under their own filter. */
export function countByType(documents: readonly DocumentSummary[]): SectionCounts {
  const counts: SectionCounts = { spec: 0, story: 0, faq: 0, feedback: 0, doc: 0 };
  for (const entry of documents) if (entry.status !== 'archived') counts[entry.type] += 1;
  return counts;
}

/** The specs, stories, FAQs, feedback notes and roadmap items: what the PM sections hold. */
export function plannedCount(counts: SectionCounts, roadmapItems: number): number {
  return counts.spec + counts.story + counts.faq + counts.feedback + roadmapItems;
}

/**
 * A folder of notes (a vault, a repository's docs) keeps its notes and folders first even once a few
 * of them are made specs: it is one while its notes outnumber everything the PM sections hold.
 */
export function isFolderOfNotes(counts: SectionCounts, roadmapItems: number): boolean {
  return counts.doc > plannedCount(counts, roadmapItems);
}
