/** The right-hand column of a document: its Links, and its review Comments (with the open-thread count). */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { SpecbenchApi } from '../../shared/contract/apiContract.js';
import { CommentsPanel } from '../features/comments/index.js';
import { LinksPanel } from '../features/links/LinksPanel.js';
import {
  takeShowComments,
  useCommentCounts,
  useCommentRequests,
  type CommentTarget,
} from '../workbench/comments.js';
import type { WorkspaceState } from '../workbench/workspaceState.js';
import './sidePanels.css';

interface SidePanelsProps {
  api: SpecbenchApi;
  workspace: WorkspaceState;
  navigate: (hash: string) => void;
  path: string;
  requirementKey?: string;
}

type Tab = 'links' | 'comments';

export function SidePanels({ api, workspace, navigate, path, requirementKey }: SidePanelsProps) {
  const documentKey = workspace.byPath.get(path)?.key;
  const [tab, setTab] = useState<Tab>(() => (takeShowComments() ? 'comments' : 'links'));
  const [target, setTarget] = useState<CommentTarget | undefined>(undefined);
  const counts = useCommentCounts(api);
  const requests = useCommentRequests();
  const tabs = useRef<Record<Tab, HTMLButtonElement | null>>({ links: null, comments: null });

  useEffect(
    () =>
      requests?.onDidRequest((next) => {
        setTarget(next);
        setTab('comments');
      }),
    [requests],
  );
  useEffect(() => setTarget(undefined), [path]);

  const links = (
    <LinksPanel
      api={api}
      workspace={workspace}
      navigate={navigate}
      path={path}
      requirementKey={requirementKey}
    />
  );
  // Comments belong to a document key; a note without one has Links only.
  if (!documentKey)
    return (
      <aside className="side-panels" aria-label="Document panels">
        {links}
      </aside>
    );
  const open = counts[documentKey] ?? 0;
  const choose = (next: Tab) => {
    setTab(next);
    tabs.current[next]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft')
      choose(tab === 'links' ? 'comments' : 'links');
  };
  const tabButton = (name: Tab, label: string, count?: number) => (
    <button
      ref={(element) => {
        tabs.current[name] = element;
      }}
      type="button"
      role="tab"
      id={`side-tab-${name}`}
      aria-selected={tab === name}
      aria-controls="side-panel"
      tabIndex={tab === name ? 0 : -1}
      onClick={() => setTab(name)}
    >
      {label}
      {count !== undefined && count > 0 && <span className="count">{count}</span>}
    </button>
  );
  return (
    <aside className="side-panels" aria-label="Document panels">
      <div className="side-tabs" role="tablist" aria-label="Side panel" onKeyDown={onKeyDown}>
        {tabButton('links', 'Links')}
        {tabButton('comments', 'Comments', open)}
      </div>
      <div className="side-panel" id="side-panel" role="tabpanel" aria-labelledby={`side-tab-${tab}`}>
        {tab === 'links' ? (
          links
        ) : (
          <CommentsPanel
            api={api}
            workspace={workspace}
            navigate={navigate}
            documentKey={documentKey}
            {...(target ? { initialTarget: target } : {})}
          />
        )}
      </div>
    </aside>
  );
}
