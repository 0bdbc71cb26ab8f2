/** The documents that link to a key, asked for while `asking` (a delete dialog is open), so it can say which links would break. */
import { useEffect, useState } from 'react';
import type { SpecbenchApi } from '../../shared/contract/apiContract.js';

export function useLinkingDocuments(api: SpecbenchApi, key: string, asking: boolean): string[] | undefined {
  const [linking, setLinking] = useState<string[] | undefined>(undefined);
  useEffect(() => {
    if (!asking) return;
    let cancelled = false;
    void api.getLinks({ key }).then((links) => {
      if (!cancelled) setLinking([...new Set(links.incoming.map((link) => link.path))]);
    });
    return () => {
      cancelled = true;
    };
  }, [api, asking, key]);
  return linking;
}
