/**
 * The preload bridge: exposes exactly the API contract to the page, as functions (never ipcRenderer).
 * A sandboxed preload can require only 'electron', so the method list is inlined here; a test checks
 * that it equals `methodNames` from shared/contract/apiContract.ts.
 */
import type { IpcRendererEvent } from 'electron';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the only import form a CommonJS file allows under verbatimModuleSyntax
import electron = require('electron');

const { contextBridge, ipcRenderer } = electron;

const methodNames = [
  'getWorkspace',
  'listDocuments',
  'getDocumentEntry',
  'readDocument',
  'saveDocument',
  'createDocument',
  'createNote',
  'trashDocument',
  'renameDocument',
  'linksToName',
  'namesakePreview',
  'moveDocument',
  'undoMove',
  'rewriteNameLinks',
  'restoreDocument',
  'releaseTrashed',
  'saveAsset',
  'getLinks',
  'listOtherFiles',
  'search',
  'quickSwitch',
  'check',
  'trace',
  'listRoadmap',
  'createRoadmapItem',
  'updateRoadmapItem',
  'moveRoadmapItem',
  'removeRoadmapItem',
  'listReleases',
  'createRelease',
  'updateRelease',
  'removeRelease',
  'releaseNotes',
  'importFeedback',
  'triageFeedback',
  'exportBundle',
  'exportProgress',
  'backupDocument',
  'listBackups',
  'discardBackup',
  'recoverBackup',
  'markReviewed',
  'approveDocument',
  'listComments',
  'listAllComments',
  'commentCounts',
  'commentAuthor',
  'addComment',
  'addCommentEntry',
  'gitStatus',
  'gitFileDiff',
  'gitCommit',
  'gitPull',
  'gitPush',
  'gitProgress',
  'gitConflict',
  'gitResolve',
  'keyArrivals',
  'rekeyDefinition',
  'rekeyReferences',
  'pendingRekeys',
  'dismissRekey',
  'repointReferences',
  'gitFinish',
  'gitAbort',
  'gitSetIdentity',
  'gitSetSyncSettings',
  'itemHistory',
  'listRevisions',
  'compareRevisions',
  'reviewedVersions',
  'approvedChanges',
  'showContextMenu',
];
const channelPrefix = 'specbench:';
const changeEventChannel = `${channelPrefix}event:didChangeWorkspace`;
const contextMenuEventChannel = `${channelPrefix}event:didRequestContextMenu`;

const api: Record<string, unknown> = {};
for (const method of methodNames) {
  const channel = `${channelPrefix}${method}`;
  api[method] = (input: unknown): Promise<unknown> => ipcRenderer.invoke(channel, input ?? {});
}
/** An event from main as a subscription; the page's listener never sees the IPC event object (it carries the sender). */
function subscription(channel: string) {
  return (listener: (payload: unknown) => void): (() => void) => {
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  };
}
api.onDidChangeWorkspace = subscription(changeEventChannel);
api.onDidRequestContextMenu = subscription(contextMenuEventChannel);

contextBridge.exposeInMainWorld('specbench', Object.freeze(api));
