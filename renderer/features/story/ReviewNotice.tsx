/**
 * "REQ-2 changed since this story was reviewed", with Mark reviewed; the page shows the notice after
 * the click (the banner is gone by then).
 */
import { useState } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import { markReviewedWithUndo, type Reviewed } from '../../workbench/reviewedNotice.js';

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
    const result = await markReviewedWithUndo(api, path, story, suspects);
    setBusy(false);
    if (!result.ok) return setError(result.message);
    setError(undefined);
    onReviewed(result.reviewed);
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
