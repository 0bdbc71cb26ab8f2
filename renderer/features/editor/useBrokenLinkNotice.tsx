/**
 * A click on a link inside the editor: a link into the workspace (`other.md#heading`, `#heading`) goes
 * through the router, and one that leads nowhere says why in a notice instead of doing nothing.
 */
import { useCallback, useState, type ReactNode, type RefObject } from 'react';
import { Toast } from '../../ui/Toast.js';
import { localLinkHash, localLinkProblem } from '../../workbench/nameLinkTarget.js';
import { documentHash } from '../../workbench/route.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';

/** Refs because the editor is made once per session and outlives renames and workspace changes. */
export interface LinkClickRefs {
  workspace: RefObject<WorkspaceState>;
  path: RefObject<string>;
  go: RefObject<(hash: string) => void>;
}

export function useBrokenLinkNotice(refs: LinkClickRefs): {
  /** For `handleClickOn`: whether the click was a link this page handled. */
  onClick(event: MouseEvent): boolean;
  notice: ReactNode;
} {
  const [problem, setProblem] = useState<{ message: string; near: string[] } | undefined>(undefined);
  const close = useCallback(() => setProblem(undefined), []);
  const onClick = (event: MouseEvent): boolean => {
    // Links never navigate the window from inside the editor; references navigate through their chips.
    const anchor = (event.target as HTMLElement).closest?.('a');
    if (!anchor || anchor.closest('[data-reference-key], .requirement-header, .wiki-link')) return false;
    event.preventDefault();
    const href = anchor.getAttribute('href') ?? '';
    const hash = localLinkHash(refs.workspace.current, href, refs.path.current);
    if (hash) refs.go.current(hash);
    const found = hash ? undefined : localLinkProblem(refs.workspace.current, href, refs.path.current);
    if (found) setProblem(found);
    return hash !== undefined || found !== undefined;
  };
  const notice = problem && (
    <Toast
      message={problem.message}
      onClose={close}
      {...(problem.near.length === 1
        ? {
            action: {
              label: `Open ${problem.near[0]}`,
              run: () => refs.go.current(documentHash(problem.near[0]!)),
            },
          }
        : {})}
    />
  );
  return { onClick, notice };
}
