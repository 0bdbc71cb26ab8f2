/** `specbench search <dir> <query> [--json]`: the workspace's full-text search from a terminal. */
import type { CliCommand } from '../cliCommand.js';
import { exitCodes, fileLocation, formatTable, writeJson, writeLines } from '../cliOutput.js';
import { openWorkspace } from '../openWorkspace.js';

const snippetWidth = 80;

export const searchCommand: CliCommand = {
  name: 'search',
  summary: 'full-text search over every document',
  usage: 'specbench search <dir> <query> [--json]',
  details: `Prints one hit per line: "file:line  KEY  title  snippet", best first.

Options:
  --json  prints {"query", "hits": [{"path", "key"?, "title", "type", "line", "snippet",
          "highlights": [[start, end], …]}]}; paths are relative to <dir>

Exit codes: 0 (with or without hits), 2 bad usage or an unreadable workspace.`,
  positionals: ['dir', 'query'],
  options: { json: { type: 'boolean' } },
  async run(context, [dir, query], values) {
    const opened = await openWorkspace(context, 'search', dir!, { write: false });
    if (!opened.ok) return opened.code;
    try {
      const hits = opened.workspace.search(query!);
      if (values.json === true) {
        writeJson(context, { query, hits });
        return exitCodes.ok;
      }
      if (hits.length === 0) {
        writeLines(context, [`No matches for "${query}".`]);
        return exitCodes.ok;
      }
      const rows = hits.map((hit) => [
        fileLocation(context, opened.root, hit.path, hit.line),
        hit.key ?? '',
        hit.title,
        oneLine(hit.snippet),
      ]);
      writeLines(context, formatTable(rows));
      return exitCodes.ok;
    } finally {
      await opened.workspace.close();
    }
  },
};

function oneLine(snippet: string): string {
  const text = snippet.replace(/\s+/g, ' ').trim();
  return text.length > snippetWidth ? `${text.slice(0, snippetWidth - 1)}…` : text;
}
