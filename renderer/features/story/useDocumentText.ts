/** A document's whole text, read again when the workspace changes (for the engineer's read-only pages). */
import { useEffect, useState } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';

export function useDocumentText(
  api: SpecbenchApi,
  path: string | undefined,
  revision: number,
): string | undefined {
  const [text, setText] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!path) return setText(undefined);
    let cancelled = false;
    void api
      .readDocument({ path })
      .then((result) => !cancelled && setText(result.ok ? result.text : undefined));
    return () => {
      cancelled = true;
    };
  }, [api, path, revision]);
  return text;
}
