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
  'trashDocument',
  'renameDocument',
  'saveAsset',
  'getLinks',
  'search',
  'quickSwitch',
  'check',
  'trace',
  'listRoadmap',
  'createRoadmapItem',
  'updateRoadmapItem',
  'moveRoadmapItem',
  'exportBundle',
  'exportProgress',
  'backupDocument',
  'listBackups',
  'discardBackup',
];
const channelPrefix = 'specbench:';
const changeEventChannel = `${channelPrefix}event:didChangeWorkspace`;

const api: Record<string, unknown> = {};
for (const method of methodNames) {
  const channel = `${channelPrefix}${method}`;
  api[method] = (input: unknown): Promise<unknown> => ipcRenderer.invoke(channel, input ?? {});
}
api.onDidChangeWorkspace = (listener: (event: unknown) => void): (() => void) => {
  // The page's listener never sees the IPC event object (it carries the sender).
  const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(changeEventChannel, forward);
  return () => {
    ipcRenderer.removeListener(changeEventChannel, forward);
  };
};

contextBridge.exposeInMainWorld('specbench', Object.freeze(api));
