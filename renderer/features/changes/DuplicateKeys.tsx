/**
 * Keys defined twice after a merge (both branches created REQ-13, in two files or in one): where each
 * copy came from, which one will get a new key and why (a copy already on the remote keeps its key; else
 * the one added last is renamed), said before the one click that does it.
 */
import { listInWords } from '../../../shared/model/listInWords.js';
import { useEffect, useMemo, useState } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type { KeyArrivalView } from '../../../shared/contract/gitViews.js';
import { HashLink } from '../../ui/HashLink.js';
import { documentHash } from '../../workbench/route.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import { freshKey } from '../editor/index.js';
import { duplicateDefinitions, type DuplicateDefinition } from './duplicateDefinitions.js';

interface DuplicateKeysProps {
  api: SpecbenchApi;
  workspace: WorkspaceState;
  navigate: (hash: string) => void;
  writable: boolean;
  /** After a copy got a new key: the links its side wrote were recorded, to be offered. */
  onRekeyed: () => void;
}

export function DuplicateKeys({ api, workspace, navigate, writable, onRekeyed }: DuplicateKeysProps) {
  const duplicates = useMemo(() => duplicateDefinitions(workspace.documents), [workspace.documents]);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  if (duplicates.length === 0 && notice === undefined) return null;

  const inUse = () => [
    ...workspace.documents.flatMap((document) => [
      ...(document.key ? [document.key] : []),
      ...document.requirements.map((requirement) => requirement.key),
    ]),
    ...workspace.roadmap.map((item) => item.key),
  ];
  const giveNewKey = async (key: string, path: string, line?: number) => {
    const newKey = freshKey(key, inUse());
    const renamed = await api.rekeyDefinition({ key, newKey, path, ...(line === undefined ? {} : { line }) });
    if (!renamed.ok) return setNotice(`Not renamed: ${renamed.message}`);
    await workspace.update({ paths: renamed.changedFiles });
    const where = line === undefined ? path : `${path} at line ${line}`;
    setNotice(`${key} in ${where} is now ${newKey}; links to ${key} keep meaning the other.`);
    // Links its own side wrote meant this copy: git blame finds them (and they are recorded), to point them at the new key.
    await api.rekeyReferences({ key, newKey, path });
    onRekeyed();
  };

  return (
    <section className="duplicate-keys" aria-labelledby="duplicate-keys-title">
      <h2 id="duplicate-keys-title">
        {duplicates.length === 0
          ? 'No duplicate keys left'
          : `${duplicates.length} ${duplicates.length === 1 ? 'key is' : 'keys are'} defined twice`}
      </h2>
      {duplicates.length > 0 && (
        <p className="muted">
          The same key is defined more than once in this workspace (two people each created it, or one copy
          was made here), so a link to it can reach either. A copy already on the remote keeps its key, since
          teammates may have linked to it; otherwise the copy added last gets the new key.
        </p>
      )}
      {notice && (
        <p className="changes-notice" role="status">
          {notice}
        </p>
      )}
      {duplicates.length > 0 && (
        <ul className="duplicate-keys__list">
          {duplicates.map((duplicate) => (
            <DuplicateRow
              key={duplicate.key}
              api={api}
              duplicate={duplicate}
              navigate={navigate}
              writable={writable}
              newKey={freshKey(duplicate.key, inUse())}
              onGiveNewKey={(path, line) => void giveNewKey(duplicate.key, path, line)}
              titleAt={(path, line) =>
                workspace.documents
                  .find((document) => document.path === path)
                  ?.requirements.find((requirement) => requirement.line === line)?.summary ?? ''
              }
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function DuplicateRow({
  api,
  duplicate,
  navigate,
  writable,
  newKey,
  onGiveNewKey,
  titleAt,
}: {
  api: SpecbenchApi;
  duplicate: DuplicateDefinition;
  navigate: (hash: string) => void;
  writable: boolean;
  /** The key the renamed copy will get. */
  newKey: string;
  onGiveNewKey: (path: string, line?: number) => void;
  /** The summary of the requirement defined at `path`'s `line`. */
  titleAt: (path: string, line: number) => string;
}) {
  const { key, paths, within } = duplicate;
  const [arrivals, setArrivals] = useState<
    { list: KeyArrivalView[]; newest?: string; newestLine?: number } | undefined
  >();
  const places = paths.join('\n');
  // Twice in one file: git blame says when each definition line was written.
  const lines = paths.length === 1 ? (within[0]?.lines.join(',') ?? '') : '';
  useEffect(() => {
    let cancelled = false;
    const many = places.includes('\n');
    if (!many && lines === '') return;
    const request = many
      ? { key, paths: places.split('\n') }
      : { key, paths: [places], lines: lines.split(',').map(Number) };
    void api.keyArrivals(request).then((result) => {
      if (cancelled) return;
      // Not a git repository (or git missing): no history to tell by, the later line is renamed.
      if (!result.ok) return setArrivals({ list: [] });
      setArrivals({
        list: result.arrivals,
        ...(result.newest ? { newest: result.newest } : {}),
        ...(result.newestLine ? { newestLine: result.newestLine } : {}),
      });
    });
    return () => {
      cancelled = true;
    };
  }, [api, key, places, lines]);
  // Between files, git history says which copy is renamed; twice in one file, which line (the later
  // one when there is no history). Nothing is offered until that is known, so the click matches the words.
  const newest = paths.length > 1 ? arrivals?.newest : undefined;
  const twice =
    arrivals &&
    (within.find((entry) => entry.path === newest) ?? (paths.length === 1 ? within[0] : undefined));
  const newerLine = paths.length === 1 ? (arrivals?.newestLine ?? twice?.lines.at(-1)) : twice?.lines.at(-1);
  const giveNewer = () => {
    if (twice) onGiveNewKey(twice.path, newerLine);
    else if (newest) onGiveNewKey(newest);
  };
  const renamedCopy = (copy: KeyArrivalView) =>
    paths.length === 1 ? copy.line === newerLine : copy.path === newest;
  const plan =
    arrivals && (newest || twice) ? renamePlan(key, newKey, arrivals.list, renamedCopy) : undefined;
  return (
    <li className="duplicate-keys__row">
      <div className="duplicate-keys__head">
        <span className="key-chip">{key}</span>
        {writable && (newest || twice) && (
          <button type="button" className="primary" onClick={giveNewer}>
            Give the newer one a new key
          </button>
        )}
      </div>
      {plan && <p className="duplicate-keys__plan">{plan}</p>}
      <ul className="duplicate-keys__places" aria-label={`Where ${key} is defined`}>
        {paths.map((path) => {
          const arrival = arrivals?.list.find((entry) => entry.path === path);
          return (
            <li key={path}>
              <HashLink hash={documentHash(path)} navigate={navigate}>
                {path}
              </HashLink>{' '}
              {paths.length > 1 ? (
                <span className="muted">{arrivalText(arrival)}</span>
              ) : (
                <span className="muted">defines it twice:</span>
              )}
              {paths.length > 1 && linesIn(within, path) && (
                <span className="muted"> twice here, {linesIn(within, path)}</span>
              )}
              {paths.length === 1 && (
                <ul className="duplicate-keys__copies" aria-label={`The copies of ${key} in ${path}`}>
                  {(within[0]?.lines ?? []).map((line) => (
                    <li key={line}>
                      line {line} “{titleAt(path, line)}”{' '}
                      <span className="muted">
                        {arrivalText(arrivals?.list.find((entry) => entry.line === line))}
                      </span>
                      {twice && newerLine === line && (
                        <span className="duplicate-keys__newer"> gets {newKey}</span>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              {path === newest && <span className="duplicate-keys__newer"> gets {newKey}</span>}
              {writable && arrivals && !newest && !twice && (
                <button type="button" onClick={() => onGiveNewKey(path)}>
                  Give this one a new key
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </li>
  );
}

function linesIn(within: DuplicateDefinition['within'], path: string): string | undefined {
  const lines = within.find((entry) => entry.path === path)?.lines;
  if (!lines) return undefined;
  return `lines ${listInWords(lines)}`;
}

function arrivalText(arrival: KeyArrivalView | undefined): string {
  if (!arrival) return '';
  if (!arrival.committedAt) return 'not committed yet';
  const day = new Date(arrival.committedAt).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  return `added ${day}${arrival.author ? ` by ${arrival.author}` : ''}`;
}

/**
 * Before the click: "Sam's copy, line 66, not pushed yet, becomes REQ-18; Kim's, already on origin/main,
 * keeps REQ-16", and why.
 */
function renamePlan(
  key: string,
  newKey: string,
  copies: readonly KeyArrivalView[],
  isRenamed: (copy: KeyArrivalView) => boolean,
): string | undefined {
  const renamed = copies.find(isRenamed);
  const kept = copies.filter((copy) => copy !== renamed);
  if (!renamed || kept.length === 0) return undefined;
  const where = (copy: KeyArrivalView) => (copy.line === undefined ? copy.path : `line ${copy.line}`);
  const state = (copy: KeyArrivalView) =>
    copy.published
      ? `already on ${copy.published}`
      : copy.committedAt
        ? 'not pushed yet'
        : 'not committed yet';
  const whose = (copy: KeyArrivalView, first: boolean) =>
    copy.author ? `${copy.author}'s${first ? ' copy' : ''}` : first ? 'The copy' : 'the one';
  const keptText = kept.map((copy) => `${whose(copy, false)}, ${where(copy)}, ${state(copy)}`).join('; ');
  const tie = kept.some(
    (copy) =>
      copy.committedAt === renamed.committedAt && Boolean(copy.published) === Boolean(renamed.published),
  );
  const why =
    renamed.published === undefined && kept.some((copy) => copy.published)
      ? 'teammates may already link to the copy on the remote'
      : tie
        ? 'neither is older, so the later one is renamed'
        : 'it was added last';
  return `${whose(renamed, true)}, ${where(renamed)}, ${state(renamed)}, becomes ${newKey}; ${keptText}, ${kept.length === 1 ? 'keeps' : 'keep'} ${key} (${why}).`;
}
