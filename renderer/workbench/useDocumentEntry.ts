/** One document's full index entry (headings, sections, requirement line ranges), re-read when the workspace changes. */
import { useEffect, useState } from 'react';
import type { SpecbenchApi } from '../../shared/contract/apiContract.js';
import type { DocumentEntry } from '../../shared/model/documentModel.js';

export function useDocumentEntry(
  api: SpecbenchApi,
  path: string | undefined,
  revision: number,
): DocumentEntry | undefined {
  const [entry, setEntry] = useState<DocumentEntry | undefined>(undefined);
  useEffect(() => {
    if (!path) return setEntry(undefined);
    let current = true;
    api.getDocumentEntry({ path }).then(
      (result) => current && setEntry(result.ok ? result.entry : undefined),
      () => current && setEntry(undefined),
    );
    return () => {
      current = false;
    };
  }, [api, path, revision]);
  return entry?.path === path ? entry : undefined;
}
