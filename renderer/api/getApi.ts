/** The one API the renderer uses: the preload bridge in Electron, HTTP in browser mode. */
import type { SpecbenchApi } from '../../shared/contract/apiContract.js';
import { createBridgeClient } from './bridgeClient.js';
import { Connection } from './connection.js';
import { createHttpClient, probeServer } from './httpClient.js';

let api: SpecbenchApi | undefined;
let connection: Connection | undefined;

export function getApi(): SpecbenchApi {
  if (api) return api;
  if (typeof window !== 'undefined' && window.specbench) {
    api = createBridgeClient(window.specbench);
  } else {
    connection = new Connection(() => probeServer());
    api = createHttpClient({ connection });
  }
  return api;
}

/** Browser mode's link to its server (the desktop app's workspace is in its own process: none). */
export function getConnection(): Connection | undefined {
  getApi();
  return connection;
}

/** Whether the app runs in the desktop shell (menus and dialogs exist) or in a browser. */
export function isDesktop(): boolean {
  return typeof window !== 'undefined' && window.specbench !== undefined;
}
