/**
 * The requirement keys a new requirement must not take: every key a spec defines now, and every key
 * a story, FAQ or feedback note still names (`implements`, `answers`, `about`). A deleted spec's
 * requirements leave the index while their stories stay; giving one of those keys again would make
 * the stories silently implement the new requirement (and an Undo of the delete would bring back a
 * duplicate).
 */
import type { DocumentSummary } from '../../shared/contract/documentSummary.js';

const computed = new WeakMap<readonly DocumentSummary[], ReadonlySet<string>>();

export function takenRequirementKeys(workspace: {
  documents: readonly DocumentSummary[];
  requirementOwner: ReadonlyMap<string, DocumentSummary>;
}): ReadonlySet<string> {
  const known = computed.get(workspace.documents);
  if (known) return known;
  const taken = new Set(workspace.requirementOwner.keys());
  for (const document of workspace.documents) {
    for (const key of [...document.implements, ...document.answers, ...(document.about ?? [])])
      taken.add(key);
  }
  computed.set(workspace.documents, taken);
  return taken;
}
