/**
 * What changed in a spec's requirements since its latest approval (or an earlier one): the newest commit whose file has
 * the approval's spec fingerprint is the approved version, and its requirements are compared with
 * now (added, removed, reworded, given a new key), each by words.
 */
import type { ApprovedChangesView } from '../../shared/contract/gitViews.js';
import { requirementFingerprint, specFingerprint } from '../../shared/model/fingerprint.js';
import { approvalState, type Approval } from '../../shared/model/signOff.js';
import { splitDocument } from '../../shared/frontMatter/frontMatter.js';
import type { Workspace } from '../engine/workspace.js';
import { changeReport } from './changeReport.js';
import { fileHistory } from './historyReads.js';
import { itemsOfFile } from './workspaceItems.js';
import type { WorkspaceRepository } from './workspaceRepository.js';

/** The fingerprint an approval records, computed from a version of the spec's file. */
export function fileFingerprint(path: string, text: string): string {
  return specFingerprint(
    itemsOfFile(path, text).flatMap((item) =>
      item.kind === 'requirement'
        ? [
            {
              key: item.key,
              ...(item.priority !== undefined ? { priority: item.priority } : {}),
              fingerprint: requirementFingerprint(item.body),
            },
          ]
        : [],
    ),
  );
}

export async function approvedChanges(
  workspace: Workspace,
  repository: WorkspaceRepository | undefined,
  specPath: string,
  chosen?: Approval,
): Promise<ApprovedChangesView | undefined> {
  const spec = workspace.document(specPath);
  if (!spec) return undefined;
  const read = await workspace.readDocument(spec.path);
  if (!read.ok) return undefined;
  const fields = splitDocument(read.file.text).frontMatter?.data ?? spec.fields;
  const state = approvalState({
    requirements: spec.requirements,
    fields: chosen ? { approvals: [chosen] } : fields,
  });
  if (!state?.changedSince) return undefined;
  const { fingerprint, by, at } = state.latest;
  const approval = { by, at };
  const unknown = (note: string): ApprovedChangesView => ({ fingerprint, approval, note });
  if (!repository)
    return unknown('No git history here: only the fingerprint tells that the requirements changed.');
  const reader = repository.blobs();
  try {
    for (const change of await fileHistory(repository, spec.path)) {
      if (!change.commit || change.change === 'removed') continue;
      const then = await reader.readText(change.commit, `${repository.prefix}${change.path}`);
      if (then === undefined || fileFingerprint(spec.path, then) !== fingerprint) continue;
      const report = changeReport(
        change.commit,
        'now',
        new Map([[spec.path, then]]),
        new Map([[spec.path, read.file.text]]),
      );
      return {
        fingerprint,
        approval,
        found: { commit: change.commit, date: change.date, author: change.author },
        requirements: report.requirements,
      };
    }
  } finally {
    reader.close();
  }
  return unknown(
    `No commit holds the requirements as they were approved (fingerprint ${fingerprint}): only the fingerprint is known.`,
  );
}
