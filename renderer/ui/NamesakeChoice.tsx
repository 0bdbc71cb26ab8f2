/**
 * The question asked before a rename or a move that would take `[[Name]]` links from another note of
 * that name: keep them pointing where they did (written in path form, in the same save), or let them
 * lead to the document being renamed or moved. The rename prompt and the Move form both ask it.
 */
import type { NamesakeView } from '../../shared/contract/apiContract.js';
import { plural } from '../../shared/model/plural.js';

/**
 * What the question says: `change` is how the document gets the name, as a subject (“Renaming “Draft”
 * to “Plan””, “Moving “Plan” to the top folder”).
 */
export function takeoverQuestion(change: string, namesake: NamesakeView): string {
  const { name, now, ambiguous, was, files } = namesake;
  const target = was.length === 1 ? was[0]! : 'the notes they lead to';
  const links = `[[${name}]] links in ${plural(files.length, 'note')} lead to ${target}.`;
  return ambiguous
    ? `${links} ${change} would make them ambiguous: they would open ${now}, the shortest path.`
    : `${links} ${change} would let it take them over: ${takeoverReason(now)}.`;
}

/** Why a namesake takes bare links over, as Obsidian resolves them: the exact path, else the linking note's folder. */
export function takeoverReason(now: string): string {
  return now.includes('/')
    ? 'it is in the folder of the notes that link, which Obsidian looks in first'
    : 'it is in the top folder, at the exact path the links name';
}

export function NamesakeChoice({
  change,
  leadTo,
  namesake,
  keep,
  setKeep,
}: {
  change: string;
  /** What the document is called after the change (“Let them lead to …”). */
  leadTo: string;
  namesake: NamesakeView;
  keep: boolean;
  setKeep: (keep: boolean) => void;
}) {
  const was = namesake.was.length === 1 ? namesake.was[0]! : 'the notes they lead to now';
  return (
    <fieldset className="rename-namesake">
      <legend>{takeoverQuestion(change, namesake)}</legend>
      <label>
        <input type="radio" name="namesake" checked={keep} onChange={() => setKeep(true)} />
        Keep them pointing at {was} (written as [[{namesake.links[0]?.to ?? namesake.name}]])
      </label>
      <label>
        <input type="radio" name="namesake" checked={!keep} onChange={() => setKeep(false)} />
        Let them lead to “{leadTo}”
      </label>
    </fieldset>
  );
}
