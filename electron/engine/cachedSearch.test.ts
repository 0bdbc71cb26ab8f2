import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { searchFromCache } from './cachedSearch.js';
import { cachePath } from './indexCache.js';
import { Workspace } from './workspace.js';

const files: Record<string, string> = {
  'specbench.json': '{"name":"Cached"}\n',
  'specs/checkout.md':
    '---\nkey: SPEC-1\ntype: spec\ntitle: Guest checkout\n---\n## Requirements\n:::requirement{#REQ-1 priority=must}\nGuest shoppers pay without an account.\n:::\n',
  'stories/pay.md':
    '---\nkey: STORY-1\ntype: story\ntitle: Pay as a guest\nimplements: [REQ-1]\naliases: [Café payment]\n---\n## Acceptance criteria\n- [ ] Given a guest cart, when I pay, then I see the receipt.\n',
  'notes/ideas.md': '# Ideas\n\nA receipt by email, #later.\n',
  'templates/spec.md': '# A template that is not a document: receipt\n',
};

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => fs.rm(folder, { recursive: true, force: true })));
});

/** A workspace whose cache answers for every file (aged past the cache's racy window). */
async function workspaceWithCache(): Promise<string> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-cached-search-'));
  folders.push(root);
  const old = new Date(Date.now() - 60_000);
  for (const [file, text] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await fs.writeFile(path.join(root, file), text);
    await fs.utimes(path.join(root, file), old, old);
  }
  await closed(root);
  return root;
}

/** Opens and closes the workspace (which writes its cache when it read files); gives a search's hits. */
async function closed(root: string, query = 'receipt') {
  const opened = await Workspace.open(root, { cache: true });
  if (!opened.ok) throw new Error(opened.message);
  const hits = opened.workspace.search(query);
  await opened.workspace.close();
  return hits;
}

describe('searchFromCache', () => {
  const queries = [
    'receipt',
    'RECEIPT',
    'cafe',
    'guest pay',
    '"guest cart"',
    'pay',
    'later',
    'nothing-here',
    '',
  ];
  it.each(queries)('gives the hits a full open gives for %j', async (query) => {
    const root = await workspaceWithCache();
    const fromCache = await searchFromCache(root, query);
    expect(fromCache).toEqual(await closed(root, query));
  });

  it('answers from the texts in the cache, not the files (an edit of the same size and mtime is not seen)', async () => {
    const root = await workspaceWithCache();
    const notes = path.join(root, 'notes/ideas.md');
    const stat = await fs.stat(notes);
    await fs.writeFile(notes, '# Ideas\n\nA rebates by email, #later.\n');
    await fs.utimes(notes, stat.atime, stat.mtime);
    expect((await searchFromCache(root, 'receipt'))?.map((hit) => hit.path)).toContain('notes/ideas.md');
  });

  const refusals: [string, (root: string) => Promise<unknown>, string][] = [
    ['a query naming a key', async () => undefined, 'REQ-1'],
    ['a query naming a key in lower case', async () => undefined, 'story-1'],
    ['a linked key', async () => undefined, '[[SPEC-1]]'],
    ['a changed file', (root) => fs.appendFile(path.join(root, 'notes/ideas.md'), 'more\n'), 'receipt'],
    ['an added file', (root) => fs.writeFile(path.join(root, 'notes/new.md'), '# New\n'), 'receipt'],
    ['a removed file', (root) => fs.rm(path.join(root, 'notes/ideas.md')), 'receipt'],
    ['no cache', (root) => fs.rm(cachePath(root)), 'receipt'],
    ['a corrupt cache', (root) => fs.writeFile(cachePath(root), 'garbage'), 'receipt'],
    [
      'a symbolic link',
      (root) => fs.symlink(path.join(root, 'notes/ideas.md'), path.join(root, 'notes/link.md')),
      'receipt',
    ],
  ];
  it.each(refusals)('leaves %s to a full open', async (_name, change, query) => {
    const root = await workspaceWithCache();
    await change(root);
    expect(await searchFromCache(root, query)).toBeUndefined();
  });
});
