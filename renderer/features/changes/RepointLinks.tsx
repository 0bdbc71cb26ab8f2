/**
 * After a copy of a duplicate key got a new key: the links its own side of the merge wrote to the old
 * key (found with git blame), each with "Point to NEW", and "Point all" in one save with Undo. The list
 * is kept in .specbench/ and comes back on every visit until each link is pointed or the old key kept.
 */
import { useState } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type { RepointCandidateView } from '../../../shared/contract/gitViews.js';
import { linkVerbs, type RekeyRecord } from '../../../shared/model/rekeyRecord.js';
import { HashLink } from '../../ui/HashLink.js';
import { documentHash } from '../../workbench/route.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';

export type RepointList = RekeyRecord;

const place = (reference: RepointCandidateView) => `${reference.path}:${reference.line}`;

export function RepointLinks({
  api,
  workspace,
  navigate,
  list,
  writable,
  onDismissed,
}: {
  api: SpecbenchApi;
  workspace: WorkspaceState;
  navigate: (hash: string) => void;
  list: RepointList;
  writable: boolean;
  /** The user kept the old key for the links left: the list is no longer offered. */
  onDismissed: () => void;
}) {
  const { key, newKey, path, references } = list;
  // The merge driver renumbered a roadmap item (both sides added the key), rather than a requirement's copy.
  const roadmapItem = path === 'roadmap.json';
  const [pointed, setPointed] = useState<Set<string>>(new Set());
  const [status, setStatus] = useState<{ text: string; undo?: RepointCandidateView[] } | undefined>();
  const waiting = references.filter((reference) => !pointed.has(place(reference)));

  const point = async (chosen: RepointCandidateView[], from: string, to: string) => {
    const result = await api.repointReferences({
      key: from,
      newKey: to,
      references: chosen.map(({ path, line }) => ({ path, line })),
    });
    if (!result.ok) {
      setStatus({ text: `Nothing changed: ${result.message}` });
      return false;
    }
    await workspace.update({ paths: result.changedFiles });
    setPointed((before) => {
      const next = new Set(before);
      for (const reference of chosen)
        if (to === newKey) next.add(place(reference));
        else next.delete(place(reference));
      return next;
    });
    return true;
  };
  const pointAll = async () => {
    const chosen = waiting;
    if (await point(chosen, key, newKey))
      setStatus({
        text: `${chosen.length} ${chosen.length === 1 ? 'link points' : 'links point'} to ${newKey} now.`,
        undo: chosen,
      });
  };
  const undo = async (chosen: RepointCandidateView[]) => {
    if (await point(chosen, newKey, key))
      setStatus({ text: `Back to ${key}: ${chosen.length} ${chosen.length === 1 ? 'link' : 'links'}.` });
  };

  const keepOld = async () => {
    const result = await api.dismissRekey({ key, newKey });
    if (!result.ok) return setStatus({ text: `Not kept: ${result.message}` });
    onDismissed();
  };

  if (references.length === 0) return null;
  return (
    <section className="repoint" aria-labelledby={`repoint-${newKey}`}>
      <h3 id={`repoint-${newKey}`}>
        Links written with the {roadmapItem ? 'item' : 'copy'} that is now {newKey}
      </h3>
      <p className="muted">
        {key} in {path} became {newKey} after a merge. git says these links to {key} were written on the same
        side of the merge as that {roadmapItem ? 'item' : 'copy'}, so they most likely mean {newKey}; until
        you point them or keep {key}, they reach the other {roadmapItem ? 'roadmap item' : 'requirement'}.
      </p>
      {status && (
        <p className="changes-notice" role="status">
          {status.text}{' '}
          {status.undo && (
            <button type="button" className="link-button" onClick={() => void undo(status.undo!)}>
              Undo
            </button>
          )}
        </p>
      )}
      <ul className="repoint__list" aria-label={`Links to ${key} to point to ${newKey}`}>
        {references.map((reference) => {
          const done = pointed.has(place(reference));
          return (
            <li key={place(reference)}>
              <span>
                <HashLink hash={`${documentHash(reference.path)}?line=${reference.line}`} navigate={navigate}>
                  {reference.from}
                </HashLink>{' '}
                {linkVerbs[reference.kind] ?? reference.kind} {done ? newKey : key}{' '}
                <span className="muted">
                  (
                  {[`${reference.path} line ${reference.line}`, reference.author, reference.commit]
                    .filter(Boolean)
                    .join(', ')}
                  )
                </span>
              </span>
              {writable && !done && (
                <button
                  type="button"
                  aria-label={`Point ${reference.from} line ${reference.line} to ${newKey}`}
                  onClick={() =>
                    void point([reference], key, newKey).then(
                      (ok) =>
                        ok &&
                        setStatus({ text: `${reference.from} points to ${newKey} now.`, undo: [reference] }),
                    )
                  }
                >
                  Point to {newKey}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {writable && waiting.length > 0 && (
        <div className="repoint__actions">
          {waiting.length > 1 && (
            <button type="button" className="primary" onClick={() => void pointAll()}>
              Point all {waiting.length} to {newKey}
            </button>
          )}
          <button type="button" onClick={() => void keepOld()}>
            Keep {waiting.length === 1 ? 'it' : 'them'} on {key}
          </button>
        </div>
      )}
    </section>
  );
}
