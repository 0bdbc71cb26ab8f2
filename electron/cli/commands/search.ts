/** `specbench search <dir> <query> [--json]`: the workspace's full-text search from a terminal. */
import type { CliCommand } from '../cliCommand.js';
import {
  exitCodes,
  fileLocation,
  formatTable,
  outputFormat,
  outputHelp,
  outputOptions,
  writeJson,
  writeLines,
} from '../cliOutput.js';
import { openWorkspace, workspaceFolderHelp } from '../openWorkspace.js';
import type { SearchHit } from '../../../shared/contract/apiContract.js';
import type { CliContext } from '../cliOutput.js';

const snippetWidth = 80;

export const searchCommand: CliCommand = {
  name: 'search',
  summary: 'full-text search over every document',
  usage: 'specbench search <dir> <query> [--json]',
  details: `Prints one hit per line: "file:line  KEY  title  snippet", best first; the line is the one
holding most of the query's words. Every word must match (case and accents do not matter; the last
word also matches as the start of a longer one). "Quoted words" must follow each other as a phrase.
Punctuation inside a word is part of it: memory.high finds memory.high, not "in-memory … high".
A key (REQ-4, or [[REQ-4]]) first lists where it is defined and every line linking to it
(implements, answers, roadmap=, [[REQ-4]], [[SPEC-1#REQ-4]]), one hit per line.

Options:
${outputHelp}
      {"query", "hits": [{"path", "key"?, "title", "type", "line", "snippet",
      "highlights": [[start, end], …]}]}; paths are relative to the workspace

${workspaceFolderHelp}

Exit codes: 0 (with or without hits), 2 bad usage, an unreadable workspace or a folder that is not
one.`,
  positionals: ['dir', 'query'],
  options: { ...outputOptions },
  async run(context, [dir, query], values) {
    const format = outputFormat(context, 'search', values);
    if (format === undefined) return exitCodes.usage;
    const print = (hits: SearchHit[], root: string): number => printHits(context, root, query!, hits, format);
    const opened = await openWorkspace(context, 'search', dir!, {
      write: false,
      judging: true,
      // A warm cache answers without the link index, unless the query names a key.
      early: async (root) => {
        const { searchFromCache } = await import('../../engine/cachedSearch.js');
        const hits = await searchFromCache(root, query!);
        return hits && print(hits, root);
      },
    });
    if (!opened.ok) return opened.code;
    try {
      return print(opened.workspace.search(query!), opened.root);
    } finally {
      await opened.workspace.close();
    }
  },
};

function printHits(
  context: CliContext,
  root: string,
  query: string,
  hits: SearchHit[],
  format: 'text' | 'json',
): number {
  if (format === 'json') {
    writeJson(context, { query, hits });
    return exitCodes.ok;
  }
  if (hits.length === 0) {
    writeLines(context, [`No matches for "${query}".`]);
    return exitCodes.ok;
  }
  const rows = hits.map((hit) => [
    fileLocation(context, root, hit.path, hit.line),
    hit.key ?? '',
    hit.title,
    oneLine(hit.snippet),
  ]);
  writeLines(context, formatTable(rows));
  return exitCodes.ok;
}

function oneLine(snippet: string): string {
  const text = snippet.replace(/\s+/g, ' ').trim();
  return text.length > snippetWidth ? `${text.slice(0, snippetWidth - 1)}…` : text;
}
