/** The shell: navigator, the routed main view, the Links panel, and the global dialogs. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentSummary } from '../../shared/contract/documentSummary.js';
import type { SpecbenchApi } from '../../shared/contract/apiContract.js';
import { DocumentEditor } from '../features/editor/DocumentEditor.js';
import { FeedbackInbox, MetricsView, ReleasePage, ReleasesPage } from '../features/evidence/index.js';
import { ExportDialog } from '../features/export/ExportDialog.js';
import { ShortcutsDialog } from '../features/shortcuts/index.js';
import { Navigator } from '../features/navigator/Navigator.js';
import { CommandPalette } from '../features/palette/CommandPalette.js';
import { ProblemsPanel } from '../features/problems/ProblemsPanel.js';
import { RecoveredEdits } from '../features/recovered/RecoveredEdits.js';
import { RoadmapBoard } from '../features/roadmap/RoadmapBoard.js';
import { RoadmapItemPage } from '../features/roadmap/RoadmapItemPage.js';
import { RoadmapTimeline } from '../features/roadmap/RoadmapTimeline.js';
import { QuickSwitcher } from '../features/search/QuickSwitcher.js';
import { SearchPage } from '../features/search/SearchPage.js';
import { StoryList } from '../features/story/StoryList.js';
import { StoryPage } from '../features/story/StoryPage.js';
import { TraceMatrix } from '../features/trace/TraceMatrix.js';
import { HomePage } from '../features/home/HomePage.js';
import { ChangesPage } from '../features/changes/index.js';
import { CommentsPage } from '../features/comments/index.js';
import { HistoryPage } from '../features/history/index.js';
import { keyHash, searchHash, type Route } from '../workbench/route.js';
import { useHashRoute } from '../workbench/useHashRoute.js';
import { keyAddress, resolveKeyRoute } from '../workbench/resolveKeyRoute.js';
import { storyViewChoice } from '../workbench/storyView.js';
import { knownRenames, recordRename } from '../workbench/renameLog.js';
import { useShortcuts } from './useShortcuts.js';
import type { DocumentSession } from '../workbench/documentSession.js';
import { DocumentSessions, DocumentSessionsContext } from '../workbench/documentSessions.js';
import { ExportRequestsContext } from '../workbench/exportRequests.js';
import { useDocumentUndoNotice } from './useDocumentUndoNotice.js';
import { useNamesakeNotice } from './useNamesakeNotice.js';
import { watchNamesakes } from '../workbench/namesakeWatch.js';
import { documentFolders } from '../workbench/documentFolders.js';
import { ConnectionBanner } from './ConnectionBanner.js';
import { NoticeRegion } from '../ui/NoticeRegion.js';
import type { Connection } from '../api/connection.js';
import { WorkspaceContext, useWorkspaceLoader, type WorkspaceState } from '../workbench/workspaceState.js';
import { WorkspaceStoreContext, usePublishedWorkspace } from '../workbench/workspaceSelector.js';
import { PageActions, PageActionsContext } from '../workbench/pageActions.js';
import { GitStateContext, useGitStateLoader } from '../workbench/gitState.js';
import { ReconnectsContext, useReconnectCount } from '../workbench/reconnects.js';
import { SidePanels } from './SidePanels.js';
import { SidePanel, SidePanelContext, narrowLayoutQuery } from '../workbench/sidePanel.js';
import { useRootFlags } from './useRootFlags.js';

export function App({ api: given, connection }: { api: SpecbenchApi; connection?: Connection | undefined }) {
  // A new namesake that takes [[Name]] links over is told, whichever way the note got its name.
  const namesakeChanged = useRef<(paths: string[]) => void>(() => undefined);
  const namesakes = useNamesakeNotice(
    given,
    useCallback((paths: string[]) => namesakeChanged.current(paths), []),
  );
  const api = useMemo(() => watchNamesakes(given, namesakes.report), [given, namesakes.report]);
  const workspace = useWorkspaceLoader(api);
  const workspaceStore = usePublishedWorkspace(workspace);
  const git = useGitStateLoader(api, workspace.revision, workspace.info?.writable ?? false, workspace.byPath);
  const pageActions = useMemo(() => new PageActions(), []);
  const sidePanel = useMemo(() => new SidePanel(), []);
  useEffect(() => pageActions.connect(api, document), [api, pageActions]);
  const { route: hashRoute, navigate, replace } = useHashRoute();
  const workspaceName = workspace.info?.name;
  const documents = useMemo(() => new DocumentSessions(api), [api]);
  const lookups = {
    ...workspace,
    renames: knownRenames(workspaceName, git.status?.files),
    open: documents.openKey,
  };
  // A key link is shown as the page it leads to now, and keeps its key in the address bar.
  const route =
    workspace.status === 'ready'
      ? resolveKeyRoute(
          hashRoute,
          lookups,
          storyViewChoice(workspace.info?.writable ?? false),
          workspace.info?.writable ?? false,
        )
      : hashRoute;
  // Reached by path (an old one too, when the rename is known), or by a key whose requirement moved:
  // the address bar shows the link that lasts.
  const address =
    workspace.status === 'ready'
      ? keyAddress(hashRoute, lookups, storyViewChoice(workspace.info?.writable ?? false))
      : undefined;
  useEffect(() => {
    if (address) replace(address);
  }, [address, replace]);
  const [dialog, setDialog] = useState<'quickSwitcher' | 'palette' | 'export' | 'shortcuts' | undefined>(
    undefined,
  );
  const [selectedRequirement, setSelectedRequirement] = useState<string | undefined>(undefined);
  const [exportPath, setExportPath] = useState<string | undefined>(undefined);
  const closeDialog = useCallback(() => {
    setDialog(undefined);
    setExportPath(undefined);
  }, []);
  const exportDocument = useCallback((path: string) => {
    setExportPath(path);
    setDialog('export');
  }, []);
  const undoNotice = useDocumentUndoNotice(documents);
  namesakeChanged.current = (paths) => void workspace.update({ paths });
  const refreshWorkspace = workspace.refresh;
  // Pages whose read failed while the server was away read again when it is back.
  const reconnects = useReconnectCount(connection);
  // Back after a disconnect: what changed meanwhile is read again, and edits that waited are saved.
  useEffect(
    () =>
      connection?.onDidReconnect(() => {
        void refreshWorkspace();
        documents.reconnected();
      }),
    [connection, refreshWorkspace, documents],
  );
  // Closing the window asks first while any document, open or left, holds edits not on disk.
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (documents.unsaved) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [documents]);
  documents.connect({
    update: workspace.update,
    shown: (path) => workspace.byPath.get(path),
    navigate,
    trashed: (path, trashedTo) =>
      undoNotice.trashed({ path, trashedTo, title: workspace.byPath.get(path)?.title || path }),
    archived: (path, previous) =>
      undoNotice.archived({ path, previous, title: workspace.byPath.get(path)?.title || path }),
    moved: (from, to) => recordRename(workspaceName, from, to),
    relocated: undoNotice.moved,
    // The first save of a file git has as committed: the Changes count goes up now, not after typing stops.
    saved: (path) => {
      if (git.status && !git.status.files.some((file) => file.path === path)) void git.refresh();
    },
  });
  const openDocument = documents.sessionFor(route.name === 'doc' ? route.path : undefined);
  const openPath = route.name === 'doc' && workspace.info?.writable ? route.path : undefined;
  const exportCommands = useMemo(
    () => [
      {
        id: 'export',
        title: 'Export…',
        group: 'File',
        keywords: ['pdf', 'bundle', 'html'],
        run: () => setDialog('export'),
      },
      {
        id: 'shortcuts',
        title: 'Keyboard shortcuts',
        group: 'Help',
        keywords: ['keys', 'help', 'hotkeys'],
        run: () => setDialog('shortcuts'),
      },
      ...(openPath ? documentCommands(documents, openPath, workspace.documents) : []),
    ],
    [documents, openPath, workspace.documents],
  );

  const shortcuts = useMemo(
    () => ({
      quickSwitcher: () => setDialog((open) => (open === 'quickSwitcher' ? undefined : 'quickSwitcher')),
      palette: () => setDialog((open) => (open === 'palette' ? undefined : 'palette')),
      help: () => setDialog((open) => (open === 'shortcuts' ? undefined : 'shortcuts')),
      search: () => {
        setDialog(undefined);
        if (!window.location.hash.startsWith('#/search')) navigate('#/search/');
        requestAnimationFrame(() => document.querySelector<HTMLInputElement>('input[type=search]')?.focus());
      },
      // A drawer in a narrow window; beside the document, the keys move the focus into it.
      sidePanel: () => {
        const aside = document.getElementById('side-panels');
        if (!aside) return;
        if (window.matchMedia(narrowLayoutQuery).matches) sidePanel.toggle();
        else aside.querySelector<HTMLElement>('[role=tab][aria-selected=true]')?.focus();
      },
    }),
    [navigate, sidePanel],
  );
  useShortcuts(shortcuts);

  useEffect(() => {
    if (workspace.status === 'ready') document.body.dataset.ready = 'true';
  }, [workspace.status]);

  useEffect(() => {
    if (workspace.info) document.title = `${workspace.info.name} — Specbench`;
  }, [workspace.info]);

  useRootFlags(workspace.info);

  useEffect(() => setSelectedRequirement(undefined), [route.name, 'path' in route ? route.path : '']);

  const props = { api, workspace, navigate };
  const linksPath = route.name === 'doc' || route.name === 'story' ? route.path : undefined;
  const thread = route.name === 'doc' || route.name === 'story' ? route.thread : undefined;

  return (
    <PageActionsContext.Provider value={pageActions}>
      <SidePanelContext.Provider value={sidePanel}>
        <WorkspaceContext.Provider value={workspace}>
          <WorkspaceStoreContext.Provider value={workspaceStore}>
            <GitStateContext.Provider value={git}>
              <DocumentSessionsContext.Provider value={documents}>
                <ExportRequestsContext.Provider value={exportDocument}>
                  <NoticeRegion>
                    <div
                      className={
                        linksPath
                          ? `app-shell with-links${route.name === 'doc' && workspace.info?.writable ? ' with-toolbar' : ''}`
                          : 'app-shell'
                      }
                    >
                      {connection && (
                        <ConnectionBanner
                          connection={connection}
                          writable={workspace.info?.writable ?? false}
                          readOnlyReason={workspace.info?.readOnlyReason}
                        />
                      )}
                      <Navigator
                        {...props}
                        route={route}
                        {...(workspace.status === 'ready' ? { onExport: () => setDialog('export') } : {})}
                      />
                      <main className="main-view" id="main">
                        {workspace.status === 'failed' ? (
                          <LoadFailure message={workspace.error} retry={workspace.refresh} />
                        ) : workspace.status === 'loading' ? (
                          <p className="loading" role="status">
                            Opening workspace…
                          </p>
                        ) : (
                          <ReconnectsContext.Provider value={reconnects}>
                            <RouteView
                              route={route}
                              {...props}
                              onSelectRequirement={setSelectedRequirement}
                              workspace={workspace}
                              document={openDocument}
                            />
                          </ReconnectsContext.Provider>
                        )}
                      </main>
                      {linksPath && workspace.status === 'ready' && (
                        <SidePanels
                          {...props}
                          path={linksPath}
                          requirementKey={selectedRequirement}
                          {...(thread ? { thread } : {})}
                        />
                      )}
                    </div>
                    <QuickSwitcher {...props} open={dialog === 'quickSwitcher'} onClose={closeDialog} />
                    <CommandPalette
                      {...props}
                      commands={exportCommands}
                      open={dialog === 'palette'}
                      onClose={closeDialog}
                    />
                    <ShortcutsDialog
                      open={dialog === 'shortcuts'}
                      onClose={closeDialog}
                      writable={workspace.info?.writable ?? false}
                      canComment={workspace.info?.canComment ?? workspace.info?.writable ?? false}
                    />
                    <ExportDialog
                      api={api}
                      workspace={workspace}
                      open={dialog === 'export'}
                      onClose={closeDialog}
                      {...(exportPath !== undefined
                        ? { initialDocument: exportPath }
                        : route.name === 'doc' && workspace.byPath.has(route.path)
                          ? { initialDocument: route.path }
                          : {})}
                    />
                    {undoNotice.notice}
                    {namesakes.notice}
                  </NoticeRegion>
                </ExportRequestsContext.Provider>
              </DocumentSessionsContext.Provider>
            </GitStateContext.Provider>
          </WorkspaceStoreContext.Provider>
        </WorkspaceContext.Provider>
      </SidePanelContext.Provider>
    </PageActionsContext.Provider>
  );
}

interface RouteViewProps {
  route: Route;
  api: SpecbenchApi;
  workspace: WorkspaceState;
  navigate: (hash: string) => void;
  onSelectRequirement: (key: string | undefined) => void;
  document: DocumentSession | undefined;
}

function RouteView({ route, onSelectRequirement, document, ...props }: RouteViewProps) {
  switch (route.name) {
    case 'home':
      return <HomePage {...props} />;
    case 'list':
      return <HomePage {...props} type={route.type} />;
    case 'doc':
      if (!document) return null;
      return (
        <DocumentEditor
          key={document.id}
          {...props}
          document={document}
          line={route.line}
          anchor={route.anchor}
          requirement={route.requirement}
          onSelectRequirement={onSelectRequirement}
        />
      );
    case 'roadmap':
      return <RoadmapBoard {...props} release={route.release} />;
    case 'stories':
      return <StoryList {...props} filter={route.filter} />;
    case 'story':
      return <StoryPage {...props} path={route.path} />;
    case 'search':
      return <SearchPage {...props} query={route.query} />;
    case 'roadmapItem':
      return <RoadmapItemPage key={route.key} {...props} itemKey={route.key} />;
    case 'timeline':
      return <RoadmapTimeline {...props} />;
    case 'trace':
      return <TraceMatrix {...props} />;
    case 'problems':
      return <ProblemsPanel {...props} rule={route.rule} />;
    case 'comments':
      return <CommentsPage {...props} filter={route.filter} />;
    case 'changes':
      return <ChangesPage {...props} />;
    case 'history':
      return <HistoryPage key={route.subject} {...props} subject={route.subject} />;
    case 'recovered':
      return <RecoveredEdits {...props} />;
    case 'feedback':
      return <FeedbackInbox {...props} />;
    case 'releases':
      return <ReleasesPage {...props} />;
    case 'release':
      return <ReleasePage key={route.key} {...props} releaseKey={route.key} />;
    case 'metrics':
      return <MetricsView {...props} />;
    case 'key':
      return (
        <p className="loading" role="status">
          Opening {route.key}…
        </p>
      );
    case 'unknownKey':
      return <UnknownKey route={route} />;
    case 'notFound':
      return (
        <section className="page empty-state">
          <h1>Nothing here</h1>
          <p>
            <a href="#/">Go to the home page</a>
          </p>
        </section>
      );
  }
}

/** A key link that leads nowhere (deleted, re-keyed, or from another workspace): say so and offer a way on. */
function UnknownKey({ route }: { route: { key: string; within?: string } }) {
  return (
    <section className="page empty-state" aria-labelledby="unknown-key">
      <h1 id="unknown-key">
        {route.within ? `${route.within} has no ${route.key}` : `Nothing here has the key ${route.key}`}
      </h1>
      <p>
        The link may come from another workspace, or {route.key} was deleted or given another key. Searching
        finds where it is still mentioned.
      </p>
      <p className="empty-state-actions">
        <a href={searchHash(route.key)}>Search for {route.key}</a>
        {route.within && <a href={keyHash(route.within)}>Open {route.within}</a>}
        <a href="#/">Home</a>
      </p>
    </section>
  );
}

function LoadFailure({ message, retry }: { message?: string; retry: () => Promise<void> }) {
  return (
    <section className="page empty-state" role="alert">
      <h1>The workspace could not be opened</h1>
      <p>{message ?? 'Unknown error.'}</p>
      <button type="button" onClick={() => void retry()}>
        Try again
      </button>
    </section>
  );
}

/** The open document's Delete, Archive and Move, in the command palette. */
function documentCommands(documents: DocumentSessions, path: string, all: readonly DocumentSummary[]) {
  const here = path.slice(0, Math.max(0, path.lastIndexOf('/')));
  const folders = documentFolders(all.map((entry) => entry.path)).filter((folder) => folder !== here);
  return [
    {
      id: 'document-delete',
      title: 'Delete this document',
      group: 'Document',
      keywords: ['trash', 'remove'],
      run: () => void documents.trash(path),
    },
    {
      id: 'document-archive',
      title: 'Archive this document',
      group: 'Document',
      keywords: ['hide', 'status'],
      run: () => void documents.archive(path),
    },
    {
      id: 'document-move',
      title: 'Move this document to folder',
      group: 'Document',
      keywords: ['folder', 'relocate'],
      ask: {
        label: 'Folder',
        submit: (folder: string) => documents.move(path, folder),
        suggestions: { label: 'Folders', values: folders },
      },
    },
  ];
}
