/** Keep both, after a conflict: my text goes to a copy with its own keys, and this document takes theirs. */
import { useState, type ReactNode } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type { DocumentSummary } from '../../../shared/contract/documentSummary.js';
import type { DocumentType } from '../../../shared/model/documentModel.js';
import { saveMyCopy, saveMyNoteCopy } from '../../workbench/myCopy.js';
import { documentHash } from '../../workbench/route.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import type { DocumentSessionBinding } from './useDocumentSession.js';

export interface KeepBothParts {
  api: SpecbenchApi;
  workspace: WorkspaceState;
  session: DocumentSessionBinding;
  path: string;
  type: DocumentType;
  entry: DocumentSummary | undefined;
  /** Says why the copy could not be saved. */
  setNotice(message: string): void;
}

export function useKeepBoth({ api, workspace, session, path, type, entry, setNotice }: KeepBothParts): {
  keepBoth(): Promise<void>;
  /** Where my version went, shown on this document (theirs) until another opens. */
  hint: ReactNode;
} {
  const [copy, setCopy] = useState<{ path: string; title: string; of: string } | undefined>(undefined);
  const keepBoth = async () => {
    const title = typeof session.fields.title === 'string' ? session.fields.title : (entry?.title ?? path);
    const result =
      type === 'doc'
        ? await saveMyNoteCopy(api, path, session.currentText())
        : await saveMyCopy(
            api,
            {
              path,
              type,
              keyPrefix: workspace.info?.settings.prefixes[type] ?? type.toUpperCase(),
              takenKeys: workspace.byKey.keys(),
            },
            title,
            session.currentText(),
            {
              requirementPrefix: workspace.info?.settings.prefixes.requirement ?? 'REQ',
              takenRequirementKeys: workspace.requirementOwner.keys(),
            },
          );
    if (!result.ok) return setNotice(result.message);
    session.takeTheirs();
    setCopy({ ...result, of: path });
    void workspace.update({ paths: [result.path] });
  };
  const hint = copy?.of === path && (
    <p className="title-hint" role="status">
      Your version is saved as <a href={documentHash(copy.path)}>{copy.title}</a>; this is theirs.
    </p>
  );
  return { keepBoth, hint };
}
