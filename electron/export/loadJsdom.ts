/**
 * jsdom, required on its first use: loading it costs about a second of CPU, which `specbench serve`
 * and every command that never sanitizes HTML (check, search, list) would otherwise pay at start.
 */
import { createRequire } from 'node:module';
import type { JSDOM } from 'jsdom';

let loaded: typeof JSDOM | undefined;

export function loadJsdom(): typeof JSDOM {
  loaded ??= (createRequire(import.meta.url)('jsdom') as { JSDOM: typeof JSDOM }).JSDOM;
  return loaded;
}
