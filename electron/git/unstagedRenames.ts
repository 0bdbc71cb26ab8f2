/**
 * Renames git would see once both halves are staged. A file renamed on disk (the app renaming a
 * document to its new title's slug, or Finder) is, to a plain `git status`, a deleted file plus an
 * untracked one: shown and committed as two, one half could be committed without the other.
 *
 * Git's own rename detection (`--find-renames`, by similarity) needs the new file in an index. The
 * user's index is theirs, so a copy of it is used: the new files are marked intent-to-add there
 * (`add -N`: an empty entry, no file content hashed or written to the object store), and
 * `git diff -M HEAD` compares the last commit with the files on disk through that copy. Only asked
 * when a status lists both a deleted and a new file, so an ordinary save costs nothing more.
 *
 * Git pairs only files at least half alike; a document retitled and rewritten in one go falls below
 * that. A deleted and a new document with the same front-matter `key:` are the same document, so those
 * are paired too.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { GitFileChange } from '../../shared/contract/gitViews.js';
import { splitDocumentQuickly } from '../engine/plainFrontMatter.js';
import { runGit } from './gitCommand.js';

/** Where git runs and the repository's git directory (a RepositoryPlace, named here without importing it). */
interface Repository {
  root: string;
  gitDir: string;
}

/** A pathspec from the repository's top, taken literally. */
const literal = (file: string) => `:(top,literal)${file}`;

/** Old → new path pairs (repository-relative) among `deleted` and `added`, by git's similarity. */
export async function pairRenames(
  place: Repository,
  deleted: readonly string[],
  added: readonly string[],
): Promise<Map<string, string>> {
  const pairs = new Map<string, string>();
  if (deleted.length === 0 || added.length === 0) return pairs;
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-index-'));
  try {
    const index = path.join(folder, 'index');
    try {
      await fs.copyFile(path.join(place.gitDir, 'index'), index);
    } catch {
      // No index yet: git starts the copy from nothing.
    }
    const env = { GIT_INDEX_FILE: index };
    const marked = await runGit(['add', '--intent-to-add', '--', ...added.map(literal)], {
      cwd: place.root,
      env,
      timeout: 60_000,
    });
    if (!marked.ok) return pairs;
    const diff = await runGit(
      [
        '-c',
        'core.quotePath=false',
        'diff',
        '--find-renames',
        '--name-status',
        '-z',
        'HEAD',
        '--',
        ...[...deleted, ...added].map(literal),
      ],
      { cwd: place.root, env, timeout: 60_000 },
    );
    if (!diff.ok) return pairs;
    const fields = diff.stdout.split('\0');
    for (let at = 0; at < fields.length; at++) {
      if (!fields[at]!.startsWith('R')) continue;
      const [from, to] = [fields[at + 1], fields[at + 2]];
      if (from !== undefined && to !== undefined) pairs.set(from, to);
      at += 2;
    }
    return await withSameKeys(place, pairs, deleted, added);
  } finally {
    await fs.rm(folder, { recursive: true, force: true });
  }
}

const markdown = /\.(md|markdown)$/i;

/** A document's front-matter `key:`, if it has one. */
function keyOf(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    const key = splitDocumentQuickly(text).frontMatter?.data.key;
    return typeof key === 'string' && key.trim() !== '' ? key.trim() : undefined;
  } catch {
    return undefined;
  }
}

/** `pairs` plus each deleted and new Markdown file git left unpaired that carry the same one key. */
async function withSameKeys(
  place: Repository,
  pairs: Map<string, string>,
  deleted: readonly string[],
  added: readonly string[],
): Promise<Map<string, string>> {
  const paired = new Set(pairs.values());
  const gone = deleted.filter((file) => !pairs.has(file) && markdown.test(file));
  const fresh = added.filter((file) => !paired.has(file) && markdown.test(file));
  if (gone.length === 0 || fresh.length === 0) return pairs;
  const top = await runGit(['rev-parse', '--show-toplevel'], { cwd: place.root });
  if (!top.ok) return pairs;
  const keysOf = (texts: (string | undefined)[], files: readonly string[]) => {
    const found = new Map<string, string[]>();
    texts.forEach((text, at) => {
      const key = keyOf(text);
      if (key !== undefined) found.set(key, [...(found.get(key) ?? []), files[at]!]);
    });
    return found;
  };
  const before = keysOf(
    await Promise.all(
      gone.map(async (file) => {
        const shown = await runGit(['show', `HEAD:${file}`], { cwd: place.root });
        return shown.ok ? shown.stdout : undefined;
      }),
    ),
    gone,
  );
  const now = keysOf(
    await Promise.all(
      fresh.map((file) => fs.readFile(path.join(top.stdout.trim(), file), 'utf8').catch(() => undefined)),
    ),
    fresh,
  );
  // Only a key held by one deleted and one new file says which is which.
  for (const [key, [from, ...moreFrom]] of before) {
    const [to, ...moreTo] = now.get(key) ?? [];
    if (from !== undefined && to !== undefined && moreFrom.length === 0 && moreTo.length === 0)
      pairs.set(from, to);
  }
  return pairs;
}

/** `files` (repository-relative) with each deleted file that git pairs with a new one shown as one rename. */
export async function withRenames(place: Repository, files: GitFileChange[]): Promise<GitFileChange[]> {
  const deleted = files.filter((file) => file.change === 'deleted').map((file) => file.path);
  const added = files.filter((file) => file.change === 'added').map((file) => file.path);
  const pairs = await pairRenames(place, deleted, added);
  if (pairs.size === 0) return files;
  const renamedFrom = new Map([...pairs].map(([from, to]) => [to, from]));
  return files.flatMap((file): GitFileChange[] => {
    if (file.change === 'deleted' && pairs.has(file.path)) return [];
    const from = file.change === 'added' ? renamedFrom.get(file.path) : undefined;
    return from === undefined ? [file] : [{ path: file.path, previousPath: from, change: 'renamed' }];
  });
}
