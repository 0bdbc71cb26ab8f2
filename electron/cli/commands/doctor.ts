/** `specbench doctor <dir> [--json]`: proves the editor's codec gives every file back byte for byte. */
import { DocumentStore } from '../../engine/documentStore.js';
import type { MarkdownCodec } from '../../../shared/markdown/markdownCodec.js';
import type { CliCommand } from '../cliCommand.js';
import { exitCodes, fileLocation, formatTable, plural, writeJson, writeLines } from '../cliOutput.js';
import { checkFolder } from '../checkFolder.js';

interface ChangedFile {
  path: string;
  /** 1-based line of the first difference. */
  line: number;
  reason: string;
}

export const doctorCommand: CliCommand = {
  name: 'doctor',
  summary: 'check that every Markdown file survives open and save byte for byte',
  usage: 'specbench doctor <dir> [--json]',
  details: `Runs every Markdown file through the editor's codec (parse, then save with no edits) and lists
each file that would not come back byte-identical, with the line of the first difference. Files
the editor will not open (binary, not UTF-8, too large) are listed as skipped. Writes nothing.

Options:
  --json  prints {"files", "identical", "changed": [{"path", "line", "reason"}],
          "skipped": [{"path", "message"}]}; paths are relative to <dir>

Exit codes: 0 every file is identical, 1 at least one would change, 2 bad usage or no such folder.`,
  positionals: ['dir'],
  options: { json: { type: 'boolean' } },
  async run(context, [dir], values) {
    const checked = await checkFolder(context, 'doctor', dir!);
    if (!checked.ok) return checked.code;
    const store = new DocumentStore(checked.root);
    // The codec pulls in TipTap: loaded only by the command that needs it.
    const { createMarkdownCodec } = await import('../../../shared/markdown/markdownCodec.js');
    const codec = createMarkdownCodec();
    const files = await store.listMarkdownFiles();
    const changed: ChangedFile[] = [];
    const skipped: { path: string; message: string }[] = [];
    for (const listed of files) {
      const read = await store.read(listed.path);
      if (!read.ok) {
        skipped.push({ path: listed.path, message: read.message });
        continue;
      }
      const difference = roundTripDifference(codec, read.file.text);
      if (difference) changed.push({ path: listed.path, ...difference });
    }
    const identical = files.length - changed.length - skipped.length;
    if (values.json === true) writeJson(context, { files: files.length, identical, changed, skipped });
    else {
      writeLines(
        context,
        formatTable([
          ...changed.map((file) => [
            fileLocation(context, checked.root, file.path, file.line),
            'would change',
            file.reason,
          ]),
          ...skipped.map((file) => [fileLocation(context, checked.root, file.path), 'skipped', file.message]),
        ]),
      );
      writeLines(context, [
        changed.length === 0
          ? `All ${plural(identical, 'Markdown file')} come back byte-identical${skipped.length > 0 ? ` (${skipped.length} skipped)` : ''}.`
          : `${changed.length} of ${plural(files.length, 'Markdown file')} would not come back byte-identical.`,
      ]);
    }
    return changed.length > 0 ? exitCodes.findings : exitCodes.ok;
  },
};

function roundTripDifference(codec: MarkdownCodec, text: string): Omit<ChangedFile, 'path'> | undefined {
  let output: string;
  try {
    output = codec.serialize(codec.parse(text));
  } catch (error) {
    // A codec failure on one file is reported with that file, not as a crash of the whole run.
    return { line: 1, reason: `the codec failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  return output === text ? undefined : firstDifference(text, output);
}

/** Where `after` first departs from `before`, in words a user can check with their editor. */
export function firstDifference(before: string, after: string): Omit<ChangedFile, 'path'> {
  const beforeLines = before.split('\n');
  const afterLines = after.split('\n');
  let line = 0;
  while (line < beforeLines.length && line < afterLines.length && beforeLines[line] === afterLines[line])
    line++;
  const reason =
    line < beforeLines.length && line < afterLines.length
      ? `line ${line + 1} would be rewritten`
      : afterLines.length > beforeLines.length
        ? 'lines would be added at the end'
        : 'the end of the file would change';
  return { line: line + 1, reason };
}
