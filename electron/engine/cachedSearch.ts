/**
 * A one-shot full-text search (`specbench search`) answered from the index cache alone: the
 * summaries and texts it holds, without parsing every entry or building the link index, which cost
 * more than the search itself. It answers only when the cache describes every document as it is now.
 */
import type { SearchHit } from '../../shared/contract/apiContract.js';
import { isKey } from '../../shared/grammar/linkGrammar.js';
import { isFresh, readSearchCache } from './indexCache.js';
import { isDocumentPath, listQuickly } from './loadWorkspaceFiles.js';
import { SearchIndex, type SearchOptions } from './searchIndex.js';

/**
 * The hits `Workspace.search` would give, or undefined when only a full open can tell: no usable
 * cache, a file added, changed or removed since it was written, a symbolic link (only the document
 * store judges those), or a query naming a key (its hits come from the link index).
 */
export async function searchFromCache(
  root: string,
  query: string,
  options?: SearchOptions,
): Promise<SearchHit[] | undefined> {
  const typed = query.trim().replace(/^\[\[(.*)\]\]$/, '$1');
  if (isKey(typed) || isKey(typed.toUpperCase())) return undefined;
  const listed = listQuickly(root)?.filter((file) => isDocumentPath(file.path));
  if (!listed) return undefined;
  const cache = await readSearchCache(root);
  if (!cache || cache.summaries.length !== listed.length) return undefined;
  const byPath = new Map(cache.summaries.map((summary, index) => [summary.path, index]));
  for (const file of listed) {
    const index = byPath.get(file.path);
    if (index === undefined || !isFresh(cache.summaries[index]!, file, cache.listedAt)) return undefined;
  }
  const texts = cache.readTexts();
  if (!texts) return undefined;
  const search = new SearchIndex();
  cache.summaries.forEach((summary, index) => search.set(summary, texts[index]));
  return search.search(query, options);
}
