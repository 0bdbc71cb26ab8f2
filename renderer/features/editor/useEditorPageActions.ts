/** Right-click in a writable spec's editor (desktop) offers Insert Requirement, as the toolbar does. */
import type { Editor } from '@tiptap/core';
import { useCallback, useRef } from 'react';
import { usePageActions, type PageActionProvider } from '../../workbench/pageActions.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import { insertRequirement } from './editorCommands.js';
import { takenRequirementKeys } from '../../workbench/takenKeys.js';

export function useEditorPageActions(editor: Editor, workspace: WorkspaceState, requirements: boolean): void {
  // The workspace changes on every refresh; the offer reads the latest without re-registering.
  const workspaceRef = useRef(workspace);
  workspaceRef.current = workspace;
  const provider = useCallback<PageActionProvider>(
    (target) =>
      requirements && editor.view.dom.contains(target)
        ? [
            {
              action: { id: 'insert-requirement', label: 'Insert Requirement' },
              run: () => {
                const current = workspaceRef.current;
                const prefix = current.info?.settings.prefixes.requirement ?? 'REQ';
                insertRequirement(editor, prefix, takenRequirementKeys(current));
              },
            },
          ]
        : [],
    [editor, requirements],
  );
  usePageActions(provider);
}
