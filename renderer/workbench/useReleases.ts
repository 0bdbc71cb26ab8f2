/** The workspace's releases, re-read when the workspace changes (the story filters offer them). */
import { useEffect, useState } from 'react';
import type { SpecbenchApi } from '../../shared/contract/apiContract.js';
import type { Release } from '../../shared/model/roadmapModel.js';

export function useReleases(api: SpecbenchApi, revision: number): readonly Release[] {
  const [releases, setReleases] = useState<readonly Release[]>([]);
  useEffect(() => {
    let cancelled = false;
    void api.listReleases({}).then((found) => !cancelled && setReleases(found));
    return () => {
      cancelled = true;
    };
  }, [api, revision]);
  return releases;
}
