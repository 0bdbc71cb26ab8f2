/**
 * The history of one requirement, roadmap item or document: the commits that changed it, newest
 * first, each with the diff of that item alone, and a comparison between any two revisions.
 */
import { useEffect, useState } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type { ItemChangeView } from '../../../shared/contract/gitViews.js';
import { isKey } from '../../../shared/grammar/linkGrammar.js';
import { changeOrigin } from '../../../shared/merge/changeOrigin.js';
import { ChangedBlocks } from '../../ui/ChangedBlocks.js';
import { documentLink, roadmapItemHash } from '../../workbench/route.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import { useRetryOnReconnect } from '../../workbench/reconnects.js';
import { RevisionCompare } from './RevisionCompare.js';
import './history.css';

interface HistoryPageProps {
  api: SpecbenchApi;
  workspace: WorkspaceState;
  navigate: (hash: string) => void;
  /** A key (requirement, roadmap item, keyed document) or a document's path. */
  subject: string;
}

/** "Kept both in a merge by …" at the start of the line, as the CLI writes it after a comma. */
const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const changeWords: Record<ItemChangeView['change'], string> = {
  added: 'Added',
  changed: 'Changed',
  moved: 'Moved',
  removed: 'Removed',
};

export function HistoryPage({ api, workspace, subject }: HistoryPageProps) {
  const byKey = isKey(subject);
  const [changes, setChanges] = useState<ItemChangeView[] | string | undefined>(undefined);
  const retry = useRetryOnReconnect(typeof changes === 'string');
  useEffect(() => {
    let cancelled = false;
    void api.itemHistory(byKey ? { key: subject } : { path: subject }).then((result) => {
      if (!cancelled) setChanges(result.ok ? result.changes : result.message);
    });
    return () => {
      cancelled = true;
    };
  }, [api, subject, byKey, workspace.revision, retry]);

  const { title, summary, href } = describe(subject, workspace);
  return (
    <section className="page history-page" aria-labelledby="history-title">
      <header className="page-header">
        <h1 id="history-title">History of {title}</h1>
        {href && <a href={href}>Open {byKey ? subject : 'the document'}</a>}
      </header>
      {summary && <p className="muted history-summary">{summary}</p>}
      {changes === undefined && (
        <p className="muted" role="status">
          Reading the history…
        </p>
      )}
      {typeof changes === 'string' && (
        <p className="muted" role="status" aria-label="Git">
          {changes}
        </p>
      )}
      {Array.isArray(changes) && (
        <>
          {changes.length === 0 && <p className="muted">No commit has changed {title} yet.</p>}
          <ol className="history-list" aria-label="Changes">
            {changes.map((change, index) => (
              <li key={`${change.commit ?? 'working'}-${index}`}>
                <details open={index < 3}>
                  <summary>
                    <span className={`change-word change-word--${change.change}`}>
                      {changeWords[change.change]}
                    </span>{' '}
                    <span className="history-message">
                      {change.commit ? change.message : 'Not committed yet'}
                    </span>
                    <span className="muted history-meta">
                      {change.commit
                        ? `${capitalized(changeOrigin(change) ?? change.author)} · ${formatDate(change.date)} · ${change.commit.slice(0, 7)}`
                        : 'your working copy'}
                      {change.previousPath && change.previousPath !== change.path
                        ? ` · from ${change.previousPath} to ${change.path}`
                        : ''}
                      {change.previousKey && !change.keyGiven ? ` · was ${change.previousKey}` : ''}
                    </span>
                  </summary>
                  {change.blocks && change.blocks.length > 0 ? (
                    <ChangedBlocks
                      blocks={change.blocks}
                      headings={change.blocks.length > 1 || change.blocks[0]!.what !== subject}
                    />
                  ) : (
                    <p className="muted">
                      The text did not change{change.change === 'moved' ? '; it moved' : ''}.
                    </p>
                  )}
                </details>
              </li>
            ))}
          </ol>
          <RevisionCompare api={api} subject={subject} changes={changes} />
        </>
      )}
    </section>
  );
}

function describe(
  subject: string,
  workspace: WorkspaceState,
): { title: string; summary?: string; href?: string } {
  if (!isKey(subject)) {
    const entry = workspace.byPath.get(subject);
    return {
      title: entry?.title ?? subject,
      href: documentLink(entry ?? { path: subject }, {}, workspace.byKey),
    };
  }
  const owner = workspace.requirementOwner.get(subject);
  if (owner) {
    const requirement = owner.requirements.find((entry) => entry.key === subject);
    return {
      title: subject,
      summary: `${requirement?.summary ?? ''} (in ${owner.key ?? owner.title})`,
      href: documentLink(owner, { requirement: subject }),
    };
  }
  const item = workspace.roadmapByKey.get(subject);
  if (item) return { title: subject, summary: item.title, href: roadmapItemHash(subject) };
  const document = workspace.byKey.get(subject);
  if (document) return { title: subject, summary: document.title, href: documentLink(document) };
  return { title: subject };
}

export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().slice(0, 16).replace('T', ' ');
}
