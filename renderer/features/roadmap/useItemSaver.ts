/** Saves one roadmap item field at a time and reports the state, like the editor's autosave. */
import { useCallback, useState } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type { MethodInput } from '../../../shared/contract/apiContract.js';

export type ItemPatch = MethodInput<'updateRoadmapItem'>['patch'];
export type SaveState = { status: 'saved' } | { status: 'saving' } | { status: 'failed'; message: string };

export function useItemSaver(api: SpecbenchApi, key: string, refresh: () => Promise<void>) {
  const [state, setState] = useState<SaveState>({ status: 'saved' });
  const save = useCallback(
    async (patch: ItemPatch) => {
      setState({ status: 'saving' });
      try {
        const result = await api.updateRoadmapItem({ key, patch });
        if (!result.ok) {
          setState({ status: 'failed', message: result.message });
          return;
        }
        setState({ status: 'saved' });
        await refresh();
      } catch (thrown) {
        setState({ status: 'failed', message: thrown instanceof Error ? thrown.message : String(thrown) });
      }
    },
    [api, key, refresh],
  );
  return { state, save };
}
