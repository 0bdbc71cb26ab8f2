/**
 * Whether a document's new summary changes what the navigator, board, Links panel and pickers show
 * beyond the text being typed: its key, title, status, owner, links (evidence's `about` too), a
 * feedback note's source, estimate or a requirement's
 * key, priority, status or roadmap items. Such a save reaches every view at once; a save that only
 * moved lines or changed a requirement's first line waits for a pause in typing.
 */
import type { DocumentSummary, RequirementSummary } from '../../shared/contract/documentSummary.js';

const documentFields = ['key', 'type', 'title', 'status', 'owner', 'estimate'] as const;

export function changesWhatViewsShow(before: DocumentSummary | undefined, after: DocumentSummary): boolean {
  if (!before) return true;
  if (documentFields.some((field) => before[field] !== after[field])) return true;
  if (before.problem?.message !== after.problem?.message) return true;
  if (!sameList(before.implements, after.implements) || !sameList(before.answers, after.answers)) return true;
  if (!sameList(before.about, after.about) || before.evidence?.source !== after.evidence?.source) return true;
  if (before.requirements.length !== after.requirements.length) return true;
  return before.requirements.some((requirement, index) =>
    changedRequirement(requirement, after.requirements[index]!),
  );
}

function changedRequirement(before: RequirementSummary, after: RequirementSummary): boolean {
  return (
    before.key !== after.key ||
    before.priority !== after.priority ||
    before.status !== after.status ||
    !sameList(before.roadmap, after.roadmap)
  );
}

function sameList(left: readonly string[], right: readonly string[]): boolean {
  return left.length === right.length && left.every((value, index) => value === right[index]);
}
