/** The one API the renderer uses: the preload bridge in Electron, HTTP in browser mode. */
import type { SpecbenchApi } from '../../shared/contract/apiContract.js';
import { createBridgeClient } from './bridgeClient.js';
import { createHttpClient } from './httpClient.js';

let api: SpecbenchApi | undefined;

export function getApi(): SpecbenchApi {
  api ??=
    typeof window !== 'undefined' && window.specbench
      ? createBridgeClient(window.specbench)
      : createHttpClient();
  return api;
}

/** Whether the app runs in the desktop shell (menus and dialogs exist) or in a browser. */
export function isDesktop(): boolean {
  return typeof window !== 'undefined' && window.specbench !== undefined;
}
