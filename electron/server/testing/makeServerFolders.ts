/** The folders a server test serves from: a copy of the sample, a stand-in renderer build, a secret outside both. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface ServerFolders {
  /** The temp folder holding the others and `secret.txt`; the test removes it. */
  base: string;
  /** The workspace: a copy of samples/acme-checkout. */
  root: string;
  /** The renderer build: `index.html` and `assets/app.js`. */
  renderer: string;
}

export async function makeServerFolders(tempPrefix: string, indexHtml: string): Promise<ServerFolders> {
  const base = await fs.mkdtemp(path.join(os.tmpdir(), tempPrefix));
  const root = path.join(base, 'acme-checkout');
  const renderer = path.join(base, 'renderer');
  // The sample's own .specbench (cache, a roadmap lock held by whoever serves it now) is not copied.
  await fs.cp(path.join(import.meta.dirname, '../../../samples/acme-checkout'), root, {
    recursive: true,
    filter: (source) => !source.includes(`${path.sep}.specbench`),
  });
  await fs.mkdir(path.join(renderer, 'assets'), { recursive: true });
  await fs.writeFile(path.join(renderer, 'index.html'), indexHtml);
  await fs.writeFile(path.join(renderer, 'assets', 'app.js'), 'export {};');
  await fs.writeFile(path.join(base, 'secret.txt'), 'secret');
  return { base, root, renderer };
}
