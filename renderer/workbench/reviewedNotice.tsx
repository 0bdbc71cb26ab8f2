/**
 * Mark reviewed (which stamps a story's front matter) and the notice after it, the same wherever the
 * button is (the story page, the editor's header, the trace matrix): "Marked STORY-1 reviewed against
 * REQ-1’s current text." with Undo, which puts the file back as it was, byte for byte, unless it
 * changed again since.
 */
import { useCallback, type ReactNode } from 'react';
import type { SpecbenchApi } from '../../shared/contract/apiContract.js';
import { useUndoNotice } from '../ui/useUndoNotice.js';

export interface Reviewed {
  message: string;
  /** The story's path. */
  path: string;
  /** Puts the story back as it was before Mark reviewed; answers why not, when it could not. */
  undo?: () => Promise<string | undefined>;
}

/** "Marked STORY-1 reviewed against REQ-1’s current text." */
export function reviewedText(story: string, keys: readonly string[]): string {
  const against =
    keys.length === 1
      ? `${keys[0]}’s current text`
      : `the current text of ${keys.slice(0, -1).join(', ')} and ${keys.at(-1)}`;
  return `Marked ${story} reviewed against ${against}.`;
}

/** Stamps the story, keeping the text it had before for Undo; `keys` are the requirements the notice names. */
export async function markReviewedWithUndo(
  api: SpecbenchApi,
  path: string,
  story: string,
  keys: readonly string[],
): Promise<{ ok: true; reviewed: Reviewed } | { ok: false; message: string }> {
  const before = await api.readDocument({ path });
  const result = before.ok ? await api.markReviewed({ path }) : before;
  if (!result.ok) return { ok: false, message: result.message };
  const after = await api.readDocument({ path });
  const undo = async () => {
    if (!before.ok || !after.ok) return 'the story could not be read back.';
    // Against the stamped version: an edit made since is never overwritten.
    const undone = await api.saveDocument({ path, text: before.text, expected: after.version });
    return undone.ok ? undefined : undone.message;
  };
  return {
    ok: true,
    reviewed: { message: reviewedText(story, keys), path, ...(after.ok ? { undo } : {}) },
  };
}

/** The notice after Mark reviewed, kept by the page: the button it came from is gone by then. */
export function useReviewedNotice(onUndone: (path: string) => void): {
  show: (reviewed: Reviewed) => void;
  notice: ReactNode;
} {
  const { show, notice } = useUndoNotice();
  const showReviewed = useCallback(
    ({ message, path, undo }: Reviewed) =>
      show({
        message,
        ...(undo
          ? {
              undo: () =>
                void undo().then((failed) => {
                  if (failed) show({ message: `Could not undo: ${failed}` });
                  onUndone(path);
                }),
            }
          : {}),
      }),
    [show, onUndone],
  );
  return { show: showReviewed, notice };
}
