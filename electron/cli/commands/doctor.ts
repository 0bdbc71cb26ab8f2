/** `specbench doctor <dir> [--json]`: proves the editor's codec gives every file back byte for byte. */
import { DocumentStore } from '../../engine/documentStore.js';
import type { MarkdownCodec } from '../../../shared/markdown/markdownCodec.js';
import {
  addCoverage,
  emptyCoverage,
  formatShare,
  sourceCoverage,
  type ShownAsSource,
  type SourceCoverage,
} from '../../../shared/markdown/sourceCoverage.js';
import type { CliCommand } from '../cliCommand.js';
import {
  exitCodes,
  fileLocation,
  formatTable,
  outputFormat,
  outputHelp,
  outputOptions,
  plural,
  writeJson,
  writeLines,
} from '../cliOutput.js';
import { checkFolder } from '../checkFolder.js';
import { workspaceRoot } from '../workspaceFolder.js';

interface ChangedFile {
  path: string;
  /** 1-based line of the first difference. */
  line: number;
  reason: string;
}

/** Where a block shown as source starts (1-based), and why the codec kept it as source. */
interface SourceLine {
  line: number;
  reason?: string;
}

type FileSource = SourceCoverage & { path: string; lines: SourceLine[] };

export const doctorCommand: CliCommand = {
  name: 'doctor',
  summary:
    'check that every Markdown file survives open and save byte for byte, and how much shows as source',
  usage: 'specbench doctor <dir> [--json]',
  details: `Runs every Markdown file through the editor's codec (parse, then save with no edits) and lists
each file that would not come back byte-identical, with the line of the first difference. Files
the editor will not open (binary, not UTF-8, too large) are listed as skipped. It also tells how
well the folder will edit: how many blocks and inline constructs (links, images, emphasis, code)
the editor shows as Markdown source instead of what they mean, in total and for the files with the
most. Writes nothing. Given a folder inside a workspace, it checks the whole workspace (as git finds
its repository); any other folder of Markdown (a notes vault, a docs folder) is checked as it is.

Options:
${outputHelp}
      {"files", "identical", "changed": [{"path", "line", "reason"}],
      "skipped": [{"path", "message"}], "source": {"blocks", "rawBlocks", "inline",
      "rawInline"}, "sourceByFile": [{"path", "blocks", "rawBlocks", "inline", "rawInline", "lines", "reasons"}]};
      sourceByFile lists the files showing any source, "lines" where each block shown as source
      starts and "reasons" why each is; paths are relative to the workspace
      (or to <dir> when it is in none)

Exit codes: 0 every file is identical, 1 at least one would change, 2 bad usage or no such folder.`,
  positionals: ['dir'],
  options: { ...outputOptions },
  async run(context, [dir], values) {
    const format = outputFormat(context, 'doctor', values);
    if (format === undefined) return exitCodes.usage;
    const checked = await checkFolder(context, 'doctor', dir!);
    if (!checked.ok) return checked.code;
    const root = workspaceRoot(context, 'doctor', dir!, checked.root);
    const store = new DocumentStore(root);
    // The codec pulls in TipTap: loaded only by the command that needs it.
    const { createMarkdownCodec } = await import('../../../shared/markdown/markdownCodec.js');
    const codec = createMarkdownCodec();
    const files = await store.listMarkdownFiles();
    const changed: ChangedFile[] = [];
    const skipped: { path: string; message: string }[] = [];
    const source = emptyCoverage();
    const sourceByFile: FileSource[] = [];
    for (const listed of files) {
      const read = await store.read(listed.path);
      if (!read.ok) {
        skipped.push({ path: listed.path, message: read.message });
        continue;
      }
      const checkedFile = roundTrip(codec, read.file.text);
      if (checkedFile.difference) changed.push({ path: listed.path, ...checkedFile.difference });
      if (checkedFile.coverage) {
        addCoverage(source, checkedFile.coverage);
        if (checkedFile.coverage.rawBlocks + checkedFile.coverage.rawInline > 0)
          sourceByFile.push({ path: listed.path, ...checkedFile.coverage, lines: checkedFile.lines ?? [] });
      }
    }
    sourceByFile.sort(
      (a, b) => b.rawBlocks + b.rawInline - (a.rawBlocks + a.rawInline) || (a.path < b.path ? -1 : 1),
    );
    const identical = files.length - changed.length - skipped.length;
    if (format === 'json')
      writeJson(context, {
        files: files.length,
        identical,
        changed,
        skipped,
        source,
        sourceByFile: sourceByFile.map(({ lines, ...file }) => ({
          ...file,
          lines: lines.map((each) => each.line),
          reasons: lines.map((each) => each.reason ?? ''),
        })),
      });
    else {
      writeLines(
        context,
        formatTable([
          ...changed.map((file) => [
            fileLocation(context, root, file.path, file.line),
            'would change',
            file.reason,
          ]),
          ...skipped.map((file) => [fileLocation(context, root, file.path), 'skipped', file.message]),
        ]),
      );
      writeLines(context, [
        changed.length === 0
          ? `${identical === 1 ? 'The one Markdown file comes' : `All ${plural(identical, 'Markdown file')} come`} back byte-identical${skipped.length > 0 ? ` (${skipped.length} skipped)` : ''}.`
          : `${changed.length} of ${plural(files.length, 'Markdown file')} would not come back byte-identical.`,
      ]);
      writeSourceShown(context, root, source, sourceByFile);
    }
    return changed.length > 0 ? exitCodes.findings : exitCodes.ok;
  },
};

/** Files listed by name in the text report; JSON lists them all. */
const worstFilesShown = 10;

function writeSourceShown(
  context: Parameters<CliCommand['run']>[0],
  root: string,
  source: SourceCoverage,
  byFile: FileSource[],
): void {
  writeLines(context, [
    `Shown as Markdown source: ${formatShare(source.rawBlocks, source.blocks, 'blocks')}, ${formatShare(source.rawInline, source.inline, 'inline constructs')}.`,
  ]);
  if (byFile.length === 0) return;
  writeLines(
    context,
    formatTable(
      byFile
        .slice(0, worstFilesShown)
        .map((file) => [
          fileLocation(context, root, file.path),
          formatShare(file.rawBlocks, file.blocks, 'blocks'),
          formatShare(file.rawInline, file.inline, 'inline'),
          linesText(file.lines),
        ]),
    ),
  );
  if (byFile.length > worstFilesShown)
    writeLines(context, [
      `… and ${plural(byFile.length - worstFilesShown, 'more file')} showing some source (--json lists all).`,
    ]);
}

/** Lines named in the text report per file; JSON names them all. */
const linesShown = 6;

/** `blocks at lines 12 (HTML), 40 (callout)`: where a file's blocks shown as source start, and why. */
function linesText(lines: SourceLine[]): string {
  if (lines.length === 0) return '';
  const shown = lines
    .slice(0, linesShown)
    .map(({ line, reason }) => (reason ? `${line} (${reason})` : String(line)))
    .join(', ');
  return `block${lines.length === 1 ? '' : 's'} at line${lines.length === 1 ? '' : 's'} ${shown}${lines.length > linesShown ? ', …' : ''}`;
}

/** The 1-based line of `text` where each of `sources` (blocks in document order) starts. */
export function sourceLines(text: string, sources: readonly string[]): number[] {
  let from = 0;
  let line = 1;
  return sources.map((source) => {
    const head = source.split('\n', 1)[0]!.trim();
    // The whole block where it is written as is: a list that renders may start with the same line.
    const whole = source.includes('\n') ? text.indexOf(source.trimEnd(), from) : -1;
    const at = whole !== -1 ? whole : head === '' ? -1 : text.indexOf(head, from);
    if (at === -1) return line;
    for (let index = from; index < at; index++) if (text.charCodeAt(index) === 10) line++;
    from = at + head.length;
    return line;
  });
}

function roundTrip(
  codec: MarkdownCodec,
  text: string,
): { difference?: Omit<ChangedFile, 'path'>; coverage?: SourceCoverage; lines?: SourceLine[] } {
  let output: string;
  let coverage: SourceCoverage;
  const shownAsSource: ShownAsSource[] = [];
  try {
    const parsed = codec.parse(text);
    coverage = sourceCoverage(parsed.doc, shownAsSource);
    output = codec.serialize(parsed);
  } catch (error) {
    // A codec failure on one file is reported with that file, not as a crash of the whole run.
    return {
      difference: {
        line: 1,
        reason: `the codec failed: ${error instanceof Error ? error.message : String(error)}`,
      },
    };
  }
  const lines = sourceLines(
    text,
    shownAsSource.map((block) => block.source),
  ).map((line, index) => ({ line, reason: shownAsSource[index]!.reason }));
  return output === text
    ? { coverage, lines }
    : { difference: firstDifference(text, output), coverage, lines };
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
