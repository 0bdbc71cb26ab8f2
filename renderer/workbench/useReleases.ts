/**
 * The workspace's releases (from roadmap.json), fetched again whenever the workspace changes: the
 * release pages, the metrics, the story filters, the navigator and the roadmap board all read them.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SpecbenchApi } from '../../shared/contract/apiContract.js';
import type { Release } from '../../shared/model/roadmapModel.js';

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
  // Only the latest request's answer lands: an older, slower one must not overwrite a newer list.
  const latest = useRef(0);
  const reload = useCallback(async () => {
    const request = ++latest.current;
    try {
      const found = await api.listReleases({});
      if (request !== latest.current) return;
      setReleases(found);
      setError(undefined);
    } catch (thrown) {
      if (request !== latest.current) return;
      setError(thrown instanceof Error ? thrown.message : String(thrown));
    }
  }, [api]);
  useEffect(() => {
    void reload();
  }, [reload, revision]);
  return { ...(releases ? { releases } : {}), ...(error ? { error } : {}), reload };
}

const none: readonly Release[] = [];

/** The releases as a list, empty until they are known (for filters and counts that need no error). */
export function useReleaseList(api: SpecbenchApi, revision: number): readonly Release[] {
  return useReleases(api, revision).releases ?? none;
}
