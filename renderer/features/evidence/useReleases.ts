/** The workspace's releases (from roadmap.json), fetched again whenever the workspace changes. */
import { useCallback, useEffect, useState } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type { Release } from '../../../shared/model/roadmapModel.js';

export interface Releases {
  /** Undefined until the first answer. */
  releases?: Release[];
  error?: string;
  /** Fetches again now (after a write of our own). */
  reload: () => Promise<void>;
}

export function useReleases(api: SpecbenchApi, revision: number): Releases {
  const [releases, setReleases] = useState<Release[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const reload = useCallback(async () => {
    try {
      setReleases(await api.listReleases({}));
      setError(undefined);
    } catch (thrown) {
      setError(thrown instanceof Error ? thrown.message : String(thrown));
    }
  }, [api]);
  useEffect(() => {
    void reload();
  }, [reload, revision]);
  return { ...(releases ? { releases } : {}), ...(error ? { error } : {}), reload };
}
