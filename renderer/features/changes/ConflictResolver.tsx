/**
 * One conflicted file, block by block: each block both sides changed, side by side, with Keep mine,
 * Take theirs, Keep both or Edit. The file is written only when every block has a choice, and git's
 * conflict markers are never shown.
 */
import { useEffect, useRef, useState } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type {
  ConflictChoice,
  ConflictView,
  KeptBoth,
  ResolverPart,
} from '../../../shared/contract/gitViews.js';
import { canKeepBoth } from '../../../shared/merge/canKeepBoth.js';
import { differingWords } from '../../../shared/merge/differingWords.js';
import { wordRuns } from '../../../shared/merge/readableChange.js';
import { ChoiceNote } from './ChoiceNote.js';
import { carriedChoices, carriedEdits, type ConflictBlock, type ConflictSide } from './carriedChoices.js';
import { editableText } from './requirementFence.js';
import { OnlyHere, SideMarkdown } from './SideMarkdown.js';
import { useRetryOnReconnect } from '../../workbench/reconnects.js';

type Conflict = Extract<ResolverPart, { kind: 'conflict' }>;
type Choice = 'mine' | 'theirs' | 'both' | 'edit';

interface ConflictResolverProps {
  api: SpecbenchApi;
  path: string;
  /** `note`: what the resolution did beyond the choices (a copy kept under a new key), and those copies. */
  onResolved: (remaining: number, note?: string, keptBoth?: KeptBoth[]) => void;
  navigate: (hash: string) => void;
}

export function ConflictResolver({ api, path, onResolved, navigate }: ConflictResolverProps) {
  const [view, setView] = useState<ConflictView | string | undefined>(undefined);
  const [choices, setChoices] = useState<(Choice | undefined)[]>([]);
  const [edits, setEdits] = useState<string[]>([]);
  /** Per block, the sides that changed on disk under text typed into Edit, so the user checks it. */
  const [editsToCheck, setEditsToCheck] = useState<ConflictSide[][]>([]);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  /** Bumped to read the file again (it changed on disk since it was shown). */
  const [reading, setReading] = useState(0);
  const retry = useRetryOnReconnect(typeof view === 'string');
  /** The blocks and file version last shown, so a read after an outside edit keeps the choices still meant. */
  const shown = useRef<{ blocks: ConflictBlock[]; onDisk?: string; outside: boolean }>({
    blocks: [],
    outside: false,
  });
  const [changedOnDisk, setChangedOnDisk] = useState(false);
  /** The typed texts as of the last render, for a read that lands between renders. */
  const editsRef = useRef(edits);
  editsRef.current = edits;

  useEffect(() => {
    let cancelled = false;
    void api.gitConflict({ path }).then((result) => {
      if (cancelled) return;
      if (!result.ok) return setView(result.message);
      const conflicts = result.conflict.parts.filter((part): part is Conflict => part.kind === 'conflict');
      const before = shown.current;
      const { onDisk } = result.conflict;
      shown.current = { blocks: conflicts, ...(onDisk === undefined ? {} : { onDisk }), outside: false };
      if (before.outside && before.onDisk !== onDisk) setChangedOnDisk(true);
      setView(result.conflict);
      const whole = result.conflict.deletedBy !== undefined || result.conflict.binary === true;
      const typed = carriedEdits(
        before.blocks,
        editsRef.current,
        conflicts,
        (part) => editableText(part.mine, part.theirs).body,
      );
      setChoices((current) =>
        whole
          ? [undefined]
          : carriedChoices(before.blocks, current, conflicts, () => undefined).map((choice, index) => {
              const { typedFor } = typed[index]!;
              // Typed into Edit for sides that changed since: the box stays open with the text.
              return typedFor !== undefined && current[typedFor] === 'edit' ? 'edit' : choice;
            }),
      );
      setEdits(typed.map((edit) => edit.text));
      setEditsToCheck(typed.map((edit) => edit.changed));
    });
    return () => {
      cancelled = true;
    };
  }, [api, path, reading, retry]);

  // Edited in another editor while shown here: read again, as Changes does, rather than show the old text.
  useEffect(
    () =>
      api.onDidChangeWorkspace((event) => {
        if (!event.paths.includes(path) && !(event.roadmap && path === 'roadmap.json')) return;
        shown.current.outside = true;
        setReading((count) => count + 1);
      }),
    [api, path],
  );

  if (view === undefined) return <p className="muted">Reading {path}…</p>;
  if (typeof view === 'string') return <p className="inline-error">{view}</p>;
  const conflicts = view.parts.filter((part): part is Conflict => part.kind === 'conflict');
  const whole = view.deletedBy !== undefined || view.binary === true;
  const choose = (index: number, choice: Choice) =>
    setChoices((current) => current.map((existing, at) => (at === index ? choice : existing)));

  const save = async () => {
    const sent = choices.map((choice, index): ConflictChoice => {
      if (choice !== 'edit') return choice!;
      const part = conflicts[index];
      const text = edits[index] ?? '';
      return { text: part ? editableText(part.mine, part.theirs).wrap(text) : text };
    });
    setBusy(true);
    const result = await api.gitResolve({
      path,
      choices: sent,
      ...(view.onDisk ? { onDisk: view.onDisk } : {}),
    });
    setBusy(false);
    if (!result.ok && result.error === 'changed') setReading((count) => count + 1);
    if (!result.ok) return setError(result.message);
    const kept = result.renamed ?? [];
    onResolved(result.remaining, kept.length > 0 ? kept.map(keptBothText).join(' ') : undefined, kept);
  };

  const sideNames = { mine: view.mineLabel, theirs: view.theirsLabel };
  // Merged line by line (the blocks could not be read): each hunk is text side by side, one side or an edit.
  const blockwise = (what: string) => canKeepBoth(path, what) && view.fallback === undefined;
  return (
    <div className="resolver" role="region" aria-label={`Resolve ${path}`}>
      {view.fallback && <p className="muted">{view.fallback}</p>}
      {changedOnDisk && (
        <p className="muted" role="status">
          The file changed on disk; the view now shows it.
        </p>
      )}
      <OutsideEditNote view={view} />
      {whole ? (
        <WholeFileChoice view={view} choice={choices[0]} onChoose={(choice) => choose(0, choice)} />
      ) : conflicts.length === 0 ? (
        <p>
          git could not merge this file line by line, but block by block nothing conflicts: both sides’
          changes are kept. Save it to mark it resolved.
        </p>
      ) : (
        conflicts.map((part, index) => (
          <section key={index} className="resolver__block" aria-label={`Conflict in ${part.what}`}>
            <h3>{part.what}</h3>
            <div className="resolver__sides">
              {(['mine', 'theirs'] as const).map((side) => (
                <Side
                  key={side}
                  title={
                    side === 'mine' && part.mineEdited
                      ? `${sideNames.mine}, as edited in the file`
                      : sideNames[side]
                  }
                  text={part[side]}
                  other={part[side === 'mine' ? 'theirs' : 'mine']}
                  chosen={choices[index] === side}
                  // A body block reads as the editor shows it; a field or roadmap JSON as its text.
                  {...(blockwise(part.what) ? { markdown: { path, navigate } } : {})}
                />
              ))}
            </div>
            <div className="resolver__choices" role="radiogroup" aria-label={`Choice for ${part.what}`}>
              {(['mine', 'theirs', 'both', 'edit'] as const)
                .filter((choice) => choice !== 'both' || blockwise(part.what))
                .map((choice) => (
                  <label key={choice} className="resolver__choice">
                    <input
                      type="radio"
                      name={`choice-${index}`}
                      checked={choices[index] === choice}
                      onChange={() => choose(index, choice)}
                    />{' '}
                    {choiceLabels[choice]}
                  </label>
                ))}
            </div>
            <ChoiceNote view={view} conflicts={conflicts} choices={choices} index={index} />
            {choices[index] === 'edit' && (editsToCheck[index] ?? []).length > 0 && (
              <p className="muted" role="status">
                {changedSidesText(editsToCheck[index]!, sideNames)} changed on disk since you started this
                edit: check it.
              </p>
            )}
            {choices[index] === 'edit' && (
              <textarea
                className="resolver__edit"
                aria-label={`Your text for ${part.what}`}
                rows={Math.min(12, Math.max(3, (edits[index] ?? '').split('\n').length + 1))}
                value={edits[index] ?? ''}
                onChange={(event) =>
                  setEdits((current) => current.map((text, at) => (at === index ? event.target.value : text)))
                }
              />
            )}
          </section>
        ))
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button
        type="button"
        className="primary"
        disabled={busy || choices.some((choice) => choice === undefined)}
        onClick={() => void save()}
      >
        Save this file
      </button>
    </div>
  );
}

/**
 * Keep both on one key, in words naming both copies: which kept the key and why, which got the new one
 * (its title as the words that differ from the first copy's, which is quoted in full).
 */
export function keptBothText(kept: KeptBoth): string {
  const { from, to, keptTitle, renamedTitle, keptLabel, renamedLabel, keptPublished, renamedPublished } =
    kept;
  const [keptWhy, renamedWhy] = keptPublished
    ? [
        `already on ${keptPublished}`,
        renamedPublished ? `also on ${renamedPublished}, committed later` : 'not pushed yet',
      ]
    : ['committed first', 'committed later'];
  return (
    `${from} “${keptTitle}”, ${keptLabel.toLowerCase()}, ${keptWhy}, keeps its key, so links to ${from} ` +
    `keep meaning it; ${from} “${differingWords(keptTitle, renamedTitle)}”, ${renamedLabel.toLowerCase()}, ${renamedWhy}, is now ${to}.`
  );
}

/** "Yours", "Theirs (origin/main)" or both, as the sentence's subject. */
function changedSidesText(sides: readonly ConflictSide[], names: Record<ConflictSide, string>): string {
  return sides.map((side, at) => (at === 0 ? names[side] : `and ${names[side].toLowerCase()}`)).join(' ');
}

/** The file was edited after git merged it: where that edit is, or that saving here replaces it. */
function OutsideEditNote({ view }: { view: ConflictView }) {
  if (view.editedOutside === 'shown') {
    return (
      <div className="banner banner--warning" role="status">
        <span>
          {view.path} was edited outside Specbench after git merged it: “{view.mineLabel}” shows the text as
          it is in the file now, and Keep mine keeps it.
        </span>
      </div>
    );
  }
  if (view.editedOutside !== 'replaced') return null;
  return (
    <div className="banner banner--warning" role="status">
      <span>
        {view.path} was edited outside Specbench after git merged it, and that edit cannot be shown here:
        saving your choices replaces it with git’s sides. To keep the edit instead, finish it in your editor
        and run <code>git add {view.path}</code>.
      </span>
    </div>
  );
}

const choiceLabels: Record<Choice, string> = {
  mine: 'Keep mine',
  theirs: 'Take theirs',
  both: 'Keep both',
  edit: 'Edit',
};

interface SideProps {
  title: string;
  text: string;
  /** The other side's text, to mark what differs from it. */
  other: string;
  chosen: boolean;
  markdown?: { path: string; navigate: (hash: string) => void };
}

function Side({ title, text, other, chosen, markdown }: SideProps) {
  return (
    <figure className={chosen ? 'resolver__side chosen' : 'resolver__side'}>
      <figcaption>{title}</figcaption>
      {text.trim() === '' ? (
        <p className="muted resolver__removed">Removed on this side</p>
      ) : markdown ? (
        <SideMarkdown text={text} title={title} other={other} {...markdown} />
      ) : (
        <pre>
          <OwnWords text={text} other={other} />
        </pre>
      )}
    </figure>
  );
}

/** A field's value or roadmap JSON, the words the other side lacks marked (in words too, not by colour alone). */
function OwnWords({ text, other }: { text: string; other: string }) {
  if (other.trim() === '') return <>{text}</>;
  return (
    <>
      {wordRuns(text, other)
        .filter((run) => run.change !== 'added')
        .map((run, index) =>
          run.change === 'removed' && run.text.trim() !== '' ? (
            <OnlyHere key={index} text={run.text} />
          ) : (
            run.text
          ),
        )}
    </>
  );
}

/** A file one side deleted, or one that is not text: the choice is the whole file. */
function WholeFileChoice({
  view,
  choice,
  onChoose,
}: {
  view: ConflictView;
  choice: Choice | undefined;
  onChoose: (choice: Choice) => void;
}) {
  const labels: Record<'mine' | 'theirs', string> = view.deletedBy
    ? {
        mine: view.deletedBy === 'mine' ? 'Delete it (as you did)' : 'Keep it with your changes',
        theirs: view.deletedBy === 'theirs' ? 'Delete it (as they did)' : 'Keep it with their changes',
      }
    : { mine: `Keep ${view.mineLabel.toLowerCase()}`, theirs: `Take ${view.theirsLabel.toLowerCase()}` };
  return (
    <section className="resolver__block" aria-label="Whole file">
      <p>
        {view.deletedBy
          ? `${view.deletedBy === 'mine' ? 'You' : 'They'} deleted this file; the other side changed it.`
          : view.binary
            ? 'This file is not text, so it cannot be merged block by block: choose one side.'
            : 'Choose which side to keep.'}
      </p>
      <div className="resolver__choices" role="radiogroup" aria-label="Choice for the whole file">
        {(['mine', 'theirs'] as const).map((side) => (
          <label key={side} className="resolver__choice">
            <input
              type="radio"
              name="choice-whole"
              checked={choice === side}
              onChange={() => onChoose(side)}
            />{' '}
            {labels[side]}
          </label>
        ))}
      </div>
    </section>
  );
}
