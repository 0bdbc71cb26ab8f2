/**
 * The right-hand column of a document: its Links, and its review Comments (with the open-thread count).
 * In a narrow window it is a drawer over the document, opened by its toggle or anything that targets it.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { SpecbenchApi } from '../../shared/contract/apiContract.js';
import { CommentsPanel } from '../features/comments/index.js';
import { LinksPanel } from '../features/links/LinksPanel.js';
import { useCommentCounts, useCommentRequests, type CommentTarget } from '../workbench/comments.js';
import type { WorkspaceState } from '../workbench/workspaceState.js';
import { narrowLayoutQuery, useSidePanel, type SidePanelTab } from '../workbench/sidePanel.js';
import './sidePanels.css';
import { keyHash } from '../workbench/route.js';

interface SidePanelsProps {
  api: SpecbenchApi;
  workspace: WorkspaceState;
  navigate: (hash: string) => void;
  path: string;
  requirementKey?: string;
  /** A thread link's thread: the panel opens on Comments and shows it. */
  thread?: string;
}

type Tab = SidePanelTab;

export function SidePanels({ api, workspace, navigate, path, requirementKey, thread }: SidePanelsProps) {
  const documentKey = workspace.byPath.get(path)?.key;
  const { panel, state } = useSidePanel();
  const tab = documentKey ? state.tab : 'links';
  const setTab = (next: Tab) => panel?.choose(next);
  const [target, setTarget] = useState<CommentTarget | undefined>(undefined);
  const counts = useCommentCounts(api);
  const requests = useCommentRequests();
  const tabs = useRef<Record<Tab, HTMLButtonElement | null>>({ links: null, comments: null });
  const aside = useRef<HTMLElement>(null);

  // A comment on another document's part (a requirement shown inside a story's engineer view) is
  // written where that part lives: the page goes there, and the new thread's form opens on arrival.
  const documentKeyNow = useRef(documentKey);
  documentKeyNow.current = documentKey;
  useEffect(
    () =>
      requests?.onDidRequest((next) => {
        if (next.document !== documentKeyNow.current) {
          requests.defer(next);
          const part =
            next.anchor.kind === 'key' && next.anchor.key !== next.document ? next.anchor.key : undefined;
          navigate(keyHash(next.document, part));
          return;
        }
        setTarget(next);
        panel?.show('comments');
      }),
    [requests, panel, navigate],
  );
  // A thread link (`?thread=`) shows Comments; another document closes the drawer.
  useEffect(() => {
    const arrived = requests?.takeWaiting(documentKeyNow.current);
    if (arrived) {
      setTarget(arrived);
      panel?.show('comments');
      // Asked again here: a Comments panel already shown hears it now that its document is this one.
      requests?.request(arrived);
      return;
    }
    setTarget(undefined);
    if (thread) panel?.show('comments');
    else panel?.hide();
  }, [path, panel, requests, thread]);
  // The drawer takes the focus when it opens (a comment form opened with it focuses its own field).
  const drawerOpen = state.open;
  useEffect(() => {
    if (!drawerOpen || !window.matchMedia(narrowLayoutQuery).matches) return;
    const frame = requestAnimationFrame(() => {
      if (aside.current && !aside.current.contains(document.activeElement))
        (aside.current.querySelector<HTMLElement>('[role=tab][aria-selected=true]') ?? aside.current).focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [drawerOpen]);
  // Escape closes the drawer from inside it, and from nowhere in particular: posting a reply or
  // resolving removes the focused control, and the focus falls to the page. A key another control
  // used (a form's Escape cancels it first) or one pressed in a dialog is left alone.
  useEffect(() => {
    if (!drawerOpen) return;
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if (!window.matchMedia(narrowLayoutQuery).matches) return;
      const target = event.target instanceof Node ? event.target : null;
      if (target && target !== document.body && !aside.current?.contains(target)) return;
      event.preventDefault();
      panel?.hide(true);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [drawerOpen, panel]);
  const close = (
    <button
      type="button"
      className="side-panel-close"
      aria-label="Close Links and Comments"
      onClick={() => panel?.hide(true)}
    >
      ×
    </button>
  );
  const asideProps = {
    ref: aside,
    id: 'side-panels',
    className: drawerOpen ? 'side-panels open' : 'side-panels',
    'aria-label': 'Document panels',
    tabIndex: -1,
  };

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
      <aside {...asideProps}>
        {close}
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
    <aside {...asideProps}>
      <div className="side-tabs" role="tablist" aria-label="Side panel" onKeyDown={onKeyDown}>
        {tabButton('links', 'Links')}
        {tabButton('comments', 'Comments', open)}
      </div>
      {close}
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
            {...(thread ? { jumpThread: thread } : {})}
          />
        )}
      </div>
    </aside>
  );
}
