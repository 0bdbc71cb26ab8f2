/**
 * "REQ-2 changed since this story was reviewed", with Mark reviewed (which stamps the story's front
 * matter); after the click, a notice saying what was marked, with Undo, which puts the file back as
 * it was, byte for byte, unless it changed again since.
 */
import { useCallback, useState } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import { Toast } from '../../ui/Toast.js';

export interface Reviewed {
  message: string;
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

/** The notice after Mark reviewed, kept by the page: the banner it came from is gone by then. */
export function useReviewedNotice(onUndone: () => void): {
  show: (reviewed: Reviewed) => void;
  notice: React.ReactNode;
} {
  const [shown, setShown] = useState<Reviewed | undefined>(undefined);
  const close = useCallback(() => setShown(undefined), []);
  const { undo } = shown ?? {};
  return {
    show: setShown,
    notice: shown && (
      <Toast
        message={shown.message}
        {...(undo
          ? {
              action: {
                label: 'Undo',
                run: () =>
                  void undo().then((failed) => {
                    if (failed) setShown({ message: `Could not undo: ${failed}` });
                    onUndone();
                  }),
              },
            }
          : {})}
        onClose={close}
      />
    ),
  };
}

export function ReviewNotice({
  api,
  path,
  story,
  suspects,
  writable,
  onReviewed,
}: {
  api: SpecbenchApi;
  path: string;
  story: string;
  suspects: string[];
  writable: boolean;
  onReviewed: (reviewed: Reviewed) => void;
}) {
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const keys = suspects.join(', ');
  const markReviewed = async () => {
    setBusy(true);
    const before = await api.readDocument({ path });
    const result = before.ok ? await api.markReviewed({ path }) : before;
    const after = result.ok ? await api.readDocument({ path }) : undefined;
    setBusy(false);
    if (!result.ok) return setError(result.message);
    setError(undefined);
    const undo = async () => {
      if (!before.ok || !after?.ok) return 'the story could not be read back.';
      // Against the stamped version: an edit made since is never overwritten.
      const undone = await api.saveDocument({ path, text: before.text, expected: after.version });
      return undone.ok ? undefined : undone.message;
    };
    onReviewed({ message: reviewedText(story, suspects), ...(after?.ok ? { undo } : {}) });
  };
  return (
    <section role="status" aria-label="Review" className="banner banner--warning story-review">
      <span>
        {keys} changed since this story was reviewed. Check the story still matches, then mark it reviewed.
        {error && <span className="form-error">{error}</span>}
      </span>
      {writable && (
        <button type="button" disabled={busy} onClick={() => void markReviewed()}>
          Mark reviewed
        </button>
      )}
    </section>
  );
}
