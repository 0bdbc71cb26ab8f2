/**
 * Every way a note gets a name in the app (New, rename by title, Move) goes through createDocument,
 * renameDocument or moveDocument: this API passes each call through and reports the `[[Name]]` links a
 * new namesake took over (the answer's `namesake`), so none changes meaning without the user told.
 */
import type { NamesakeView, SpecbenchApi } from '../../shared/contract/apiContract.js';

export function watchNamesakes(api: SpecbenchApi, report: (namesake: NamesakeView) => void): SpecbenchApi {
  const told = <T>(result: T): T => {
    const namesake = (result as { ok?: boolean; namesake?: NamesakeView }).namesake;
    if (namesake) report(namesake);
    return result;
  };
  return {
    ...api,
    createDocument: async (input) => told(await api.createDocument(input)),
    renameDocument: async (input) => told(await api.renameDocument(input)),
    moveDocument: async (input) => told(await api.moveDocument(input)),
  };
}
