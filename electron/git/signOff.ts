/**
 * Writing sign-off into front matter: a story's review stamps and a spec's approvals, each a
 * one-line change through setFrontMatterFields, saved against the version that was read.
 */
import { appendListEntry } from '../../shared/frontMatter/appendListEntry.js';
import { setFrontMatterFields } from '../../shared/frontMatter/frontMatter.js';
import { currentStamps, documentFingerprint, type Approval } from '../../shared/model/signOff.js';
import { editFrontMatter, editFrontMatterSource, type Written } from '../engine/frontMatterEdit.js';
import type { DocumentEntry } from '../../shared/model/documentModel.js';
import type { Workspace } from '../engine/workspace.js';

/** Stamps a story with the fingerprints of the requirements it implements, as they are now. */
export async function markReviewed(
  workspace: Workspace,
  storyPath: string,
): Promise<Written<{ stamps: Record<string, string> }>> {
  const story = workspace.document(storyPath);
  if (!story) return { ok: false, message: `${storyPath} is not in the workspace` };
  const unsure = whichCopyUnsure(workspace, story);
  if (unsure) return { ok: false, message: unsure };
  const stamps = currentStamps(story, (key) => workspace.requirement(key)?.requirement);
  const result = await editFrontMatter(workspace, storyPath, (data) =>
    JSON.stringify(data.reviewed ?? null) === JSON.stringify(stamps) ||
    (Object.keys(stamps).length === 0 && data.reviewed === undefined)
      ? undefined
      : { reviewed: Object.keys(stamps).length > 0 ? stamps : undefined },
  );
  return result.ok ? { ...result, stamps } : result;
}

/**
 * Why a review stamp would record the wrong requirement: a key it implements is defined twice (the
 * stamp would take whichever copy the index found first), or its link was written for a copy renamed
 * after a merge and still points at the old key (the stamp would take the other copy). Until the link
 * is pointed or kept, nothing is stamped.
 */
function whichCopyUnsure(workspace: Workspace, story: DocumentEntry): string | undefined {
  const name = story.key ?? story.title;
  for (const key of story.implements) {
    const copies = workspace.requirementsWithKey(key);
    if (copies.length > 1) {
      const places = copies
        .map((copy) => `${copy.document.path} line ${copy.requirement.line}`)
        .join(' and ');
      return `${key} is defined twice (${places}), so it is unclear which one ${name} was written for: give one copy a new key in Changes first, then mark ${name} reviewed`;
    }
  }
  for (const record of workspace.pendingRekeys()) {
    const link = record.references.find(
      (reference) => reference.path === story.path && reference.kind === 'implements',
    );
    if (link)
      return `${name} implements ${record.key}, but that link was written for the copy renamed to ${record.newKey} after a merge: point it to ${record.newKey} or keep ${record.key} in Changes first, then mark ${name} reviewed`;
  }
  return undefined;
}

/** Adds an approval of the spec as it is now and sets its status to approved. */
export async function approveSpec(
  workspace: Workspace,
  specPath: string,
  approver: { name: string; email?: string },
  now = new Date(),
): Promise<Written<{ approval: Approval }>> {
  const spec = workspace.document(specPath);
  if (!spec) return { ok: false, message: `${specPath} is not in the workspace` };
  const approval: Approval = {
    by: approver.name,
    ...(approver.email ? { email: approver.email } : {}),
    at: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    fingerprint: documentFingerprint(spec),
  };
  // The approval is appended as written; earlier entries, other fields and their order keep their bytes.
  const result = await editFrontMatterSource(workspace, specPath, (raw, data, eol) => {
    const appended = raw === undefined ? undefined : appendListEntry(raw, 'approvals', approval, eol);
    return setFrontMatterFields(
      appended,
      {
        ...(appended === undefined ? { approvals: [approval] } : {}),
        ...(data.status === 'approved' ? {} : { status: 'approved' }),
      },
      eol,
    );
  });
  return result.ok ? { ...result, approval } : result;
}
