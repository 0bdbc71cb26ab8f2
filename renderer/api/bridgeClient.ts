/** The contract through the Electron preload bridge (`window.specbench`), checked against the method list. */
import type { SpecbenchApi, WorkspaceChangeEvent } from '../../shared/contract/apiContract.js';
import { methodNames } from '../../shared/contract/apiContract.js';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    specbench?: SpecbenchApi;
  }
}

export function createBridgeClient(bridge: SpecbenchApi): SpecbenchApi {
  const missing = methodNames.filter((method) => typeof bridge[method] !== 'function');
  if (missing.length > 0) {
    throw new Error(`The desktop bridge lacks ${missing.join(', ')}: the preload and the renderer disagree.`);
  }
  const api: Record<string, unknown> = {};
  for (const method of methodNames) {
    const bound = bridge[method] as (input: unknown) => Promise<unknown>;
    api[method] = (input: unknown) => bound(input ?? {});
  }
  api.onDidChangeWorkspace = (listener: (event: WorkspaceChangeEvent) => void) =>
    bridge.onDidChangeWorkspace(listener);
  return api as SpecbenchApi;
}
