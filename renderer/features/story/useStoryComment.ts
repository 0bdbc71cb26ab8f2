/**
 * A reviewer comments on a story from its engineer view (on `serve --comments` there is no editor):
 * the Comment button and Ctrl+Alt+M start a thread on the whole story, as the editor's header does.
 */
import { useCallback } from 'react';
import { useCommentRequests, useCommentShortcut } from '../../workbench/comments.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';

/** Undefined where this browser may not comment, or the story has no key to file the thread under. */
export function useStoryComment(
  workspace: WorkspaceState,
  storyKey: string | undefined,
): (() => void) | undefined {
  const requests = useCommentRequests();
  const canComment =
    (workspace.info?.canComment ?? workspace.info?.writable ?? false) && storyKey !== undefined;
  const comment = useCallback(() => {
    if (storyKey)
      requests?.request({ document: storyKey, anchor: { kind: 'key', key: storyKey }, label: storyKey });
  }, [requests, storyKey]);
  useCommentShortcut(canComment, comment);
  return canComment && requests ? comment : undefined;
}
