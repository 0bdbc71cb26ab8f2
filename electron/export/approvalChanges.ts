/**
 * What a bundle says under a stale approval: which requirements changed since the spec was approved
 * and how (added, removed, reworded, new criteria, a field, a new key), as the app's sign-off lists
 * them (approvedChanges), in one line per spec.
 */
import type { ApprovedChangesView } from '../../shared/contract/gitViews.js';
import type { DocumentEntry } from '../../shared/model/documentModel.js';
import { rekeyLabel } from '../../shared/merge/rekeyedRequirement.js';
import { approvalsOf, documentFingerprint } from '../../shared/model/signOff.js';
import type { Workspace } from '../engine/workspace.js';
import { approvedChanges } from '../git/approvedChanges.js';
import { GitMissingError } from '../git/gitCommand.js';
import { findRepository } from '../git/repositoryStatus.js';
import { WorkspaceRepository } from '../git/workspaceRepository.js';

type Changed = NonNullable<ApprovedChangesView['requirements']>['changed'][number];

/** How one changed requirement changed, in a few words: `REQ-2 reworded, new criterion`. */
function changedText(change: Changed): string {
  const name = change.from ? rekeyLabel(change.from, change.key) : change.key;
  const readable = change.readable;
  const kinds = [
    ...(readable?.texts.some((text) => text.what === 'text') ? ['reworded'] : []),
    ...(readable?.texts.some((text) => text.what === 'criterion') ? ['criterion reworded'] : []),
    ...(readable?.added.some((part) => part.what === 'criterion') ? ['criterion added'] : []),
    ...(readable?.removed.some((part) => part.what === 'criterion') ? ['criterion removed'] : []),
    ...change.fields.map((field) => `${field.field} changed`),
  ];
  if (kinds.length === 0 && !change.from) kinds.push('changed');
  return kinds.length === 0 ? name : `${name} ${[...new Set(kinds)].join(', ')}`;
}

/** `REQ-9 added; REQ-2 reworded; REQ-4 removed`, or the reason only the fingerprint is known. */
export function approvalChangesText(view: ApprovedChangesView): string {
  const requirements = view.requirements;
  if (!requirements) return view.note ?? '';
  const parts = [
    ...requirements.added.map((entry) => `${entry.key} added`),
    ...requirements.changed.map(changedText),
    ...requirements.removed.map((entry) => `${entry.key} removed`),
  ];
  return parts.join('; ');
}

/**
 * For each spec with a stale approval (the latest, or an older one under a current latest), by path:
 * what changed since each of its approvals, in one line each, in the order of `approvals:` ('' for
 * one that is current or whose changes are unknown).
 */
export async function approvalChanges(
  workspace: Workspace,
  specs: readonly DocumentEntry[],
): Promise<Map<string, string[]>> {
  const current = new Map(specs.map((spec) => [spec, documentFingerprint(spec)]));
  const isStale = (spec: DocumentEntry) => (approval: { fingerprint: string }) =>
    approval.fingerprint !== current.get(spec);
  const stale = specs.filter((spec) => approvalsOf(spec.fields).some(isStale(spec)));
  const lines = new Map<string, string[]>();
  if (stale.length === 0) return lines;
  let repository: WorkspaceRepository | undefined;
  try {
    const place = await findRepository(workspace.root);
    if (place) repository = WorkspaceRepository.fromPlace(place.root, place.prefix);
  } catch (error) {
    if (!(error instanceof GitMissingError)) throw error;
  }
  for (const spec of stale) {
    const texts: string[] = [];
    for (const approval of approvalsOf(spec.fields)) {
      if (!isStale(spec)(approval)) {
        texts.push('');
        continue;
      }
      const view = await approvedChanges(workspace, repository, spec.path, approval);
      texts.push((view && approvalChangesText(view)) ?? '');
    }
    if (texts.some(Boolean)) lines.set(spec.path, texts);
  }
  return lines;
}
