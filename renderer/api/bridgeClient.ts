/** The contract through the Electron preload bridge (`window.specbench`), checked against the method list. */
import type { SpecbenchApi } from '../../shared/contract/apiContract.js';
import { eventNames, methodNames } from '../../shared/contract/apiContract.js';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    specbench?: SpecbenchApi;
  }
}

export function createBridgeClient(bridge: SpecbenchApi): SpecbenchApi {
  const missing = [...methodNames, ...eventNames].filter((name) => typeof bridge[name] !== 'function');
  if (missing.length > 0) {
    throw new Error(`The desktop bridge lacks ${missing.join(', ')}: the preload and the renderer disagree.`);
  }
  const api: Record<string, unknown> = {};
  for (const method of methodNames) {
    const bound = bridge[method] as (input: unknown) => Promise<unknown>;
    api[method] = (input: unknown) => bound(input ?? {});
  }
  for (const event of eventNames) {
    const subscribe = bridge[event] as (listener: unknown) => () => void;
    api[event] = (listener: unknown) => subscribe(listener);
  }
  return api as SpecbenchApi;
}
