import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from './importGraph.js';
import { writeFiles } from './writeFiles.js';

const projectRoot = path.join(import.meta.dirname, '../..');

describe('the import graph', () => {
  it('has no cycle in electron/, shared/, bench/ or renderer/', () => {
    const graph = importGraph(projectRoot, ['electron', 'shared', 'bench', 'renderer']);
    expect(importCycles(graph)).toEqual([]);
  });

  it('finds the cycles a type import, an export-from or a dynamic import closes, and only those', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-imports-'));
    try {
      const files: Record<string, string> = {
        'src/store.ts': "import { load } from './load.js';\nexport const store = load;",
        'src/load.ts': "import type { Version } from './store.js';\nexport const load = 1;",
        'src/codec.ts': "export { links } from './links.js';",
        'src/links.ts': "export const links = () => import('./codec.js');",
        'src/leaf.ts':
          "import { store } from './store.js';\nimport fs from 'node:fs';\nimport data from './data.json';",
        'src/data.json': '{}',
      };
      await writeFiles(root, files);
      expect(importCycles(importGraph(root, ['src']))).toEqual([
        ['src/codec.ts', 'src/links.ts', 'src/codec.ts'],
        ['src/load.ts', 'src/store.ts', 'src/load.ts'],
      ]);
    } finally {
      await fs.rm(root, { recursive: true, force: true });
    }
  });
});
