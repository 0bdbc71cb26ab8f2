/** `specbench release-notes <dir> <REL-KEY> [--audience customers|internal] [--format md|html] [--out PATH] [--json]`. */
import path from 'node:path';
import { isKey } from '../../../shared/grammar/linkGrammar.js';
import type { CliCommand } from '../cliCommand.js';
import {
  exitCodes,
  fail,
  outputFormat,
  outputOptions,
  shownPath,
  writeJson,
  writeLines,
} from '../cliOutput.js';
import { openWorkspace } from '../openWorkspace.js';

const audiences = ['customers', 'internal'];
const formats = ['md', 'html'];

export const releaseNotesCommand: CliCommand = {
  name: 'release-notes',
  summary: "write a release's notes for customers or the team, from its roadmap items",
  usage:
    'specbench release-notes <dir> <REL-KEY> [--audience customers|internal] [--format md|html] [--out PATH] [--json]',
  details: `Writes the notes of one release in roadmap.json. For customers (the default): each item's title
and its releaseNote, grouped by theme (never its description, which is the team's working text).
For internal: each item's description and whether it has a release note yet, its requirements, the
stories implementing them with their status, and the open problems check reports about them, with
whether each item is ready.

Options:
  --audience WHO   customers (default) or internal
  --format FORMAT  md (default) or html (one self-contained page, no script, no images)
  --out PATH       the file to write, written whole or not at all (missing folders on the way are
                   created); without it, the notes go to stdout
  --json           print {"release", "audience", "format", "text"} (the notes themselves), or
                   {"path", "bytes"} with --out, instead of the notes or a sentence

Exit codes: 0 written, 2 bad usage or an unwritable file, 3 a release that is not in the workspace.`,
  positionals: ['dir', 'release'],
  options: {
    audience: { type: 'string', default: 'customers' },
    format: { type: 'string', default: 'md' },
    out: { type: 'string' },
    // --format names the notes' format here, so JSON output is --json alone.
    json: outputOptions.json,
  },
  async run(context, [dir, key], values) {
    const output = outputFormat(context, 'release-notes', { json: values.json });
    if (output === undefined) return exitCodes.usage;
    if (!isKey(key!)) return fail(context, `release-notes: '${key}' is not a release key like REL-1`);
    const audience = String(values.audience);
    if (!audiences.includes(audience)) {
      return fail(context, `release-notes: --audience must be customers or internal, not '${audience}'`);
    }
    const format = String(values.format);
    if (!formats.includes(format))
      return fail(context, `release-notes: --format must be md or html, not '${format}'`);
    if (values.out === '') return fail(context, 'release-notes: --out needs a file name');
    const out = typeof values.out === 'string' ? path.resolve(context.cwd, values.out) : undefined;
    if (out !== undefined) {
      const { checkDestination } = await import('../../export/exportBundle.js');
      const refused = await checkDestination(out);
      if (refused) return fail(context, `release-notes: ${refused.message}`);
    }
    const opened = await openWorkspace(context, 'release-notes', dir!, { write: false });
    if (!opened.ok) return opened.code;
    try {
      const { releaseNotesFile } = await import('../../export/releaseNotesFile.js');
      const notes = releaseNotesFile(
        opened.workspace,
        key!,
        audience as 'customers' | 'internal',
        format as 'md' | 'html',
      );
      if (!notes.ok)
        return fail(
          context,
          `release-notes: ${notes.message}`,
          notes.error === 'not-found' ? exitCodes.unknownKey : exitCodes.usage,
        );
      if (out === undefined) {
        if (output === 'json') writeJson(context, { release: key, audience, format, text: notes.text });
        else context.stdout.write(notes.text);
        return exitCodes.ok;
      }
      const { writeOutput } = await import('../../export/exportBundle.js');
      const written = await writeOutput(out, notes.text);
      if (!written.ok) return fail(context, `release-notes: ${written.message}`);
      if (output === 'json') {
        writeJson(context, { path: shownPath(context, out), bytes: written.bytes });
        return exitCodes.ok;
      }
      writeLines(context, [`Wrote ${shownPath(context, out)}.`]);
      return exitCodes.ok;
    } finally {
      await opened.workspace.close();
    }
  },
};
