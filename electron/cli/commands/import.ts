/** `specbench import feedback <dir> <file.csv> [--map COLUMN=FIELD …] [--source S] [--dry-run] [--json]`. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { refusedAddressLines } from '../../../shared/import/refusedAddress.js';
import { repeatedRowsPhrase } from '../../../shared/import/repeatedRows.js';
import { feedbackSources, type FeedbackSource } from '../../../shared/model/documentModel.js';
import type { CliCommand } from '../cliCommand.js';
import {
  exitCodes,
  fail,
  formatTable,
  plural,
  systemMessage,
  writeJson,
  writeLines,
  type CliContext,
} from '../cliOutput.js';
import { openWorkspace } from '../openWorkspace.js';

const listedNotes = 20;

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'import customer feedback from a CSV export as feedback notes',
  usage:
    'specbench import feedback <dir> <file.csv> [--map COLUMN=FIELD …] [--source SOURCE] [--dry-run] [--json]',
  details: `Creates one note in feedback/ (type feedback, key FB-n) per CSV row with text, from an export of
Intercom, Zendesk, a survey tool or a spreadsheet (comma, semicolon or tab separated, UTF-8). Rows
imported before are recognised by a hash of their text, customer, date and url (kept in each note
as importHash) and left out, as are rows repeated in the file. Every note is written, or none.

Columns are matched by their header: text (feedback, comment, body, message, …), title (subject),
customer (company, account, …), segment (plan, tier), source (channel), date (created at), url
(link) and about (roadmap item or requirement keys). Name others with --map. A note keeps only an
http:// or https:// address; one the row gives otherwise is left out, and the summary says which.

Options:
  --map COLUMN=FIELD  read FIELD from the column headed COLUMN (repeat for more), e.g.
                      --map "Ticket body=text"; fields: text, title, customer, segment, source,
                      date, url, about; --map =FIELD leaves a guessed field out
  --source SOURCE     the source of rows without one: ${feedbackSources.join(', ')}
  --dry-run           say what would be imported and write nothing
  --json              prints {"written", "notes": [{"key", "path", "title", "customer", "source",
                      "date", "line"}], "alreadyImported", "repeated", "empty",
                      "refusedAddresses": [{"line", "address", "reason"}]}

Refused with one line and nothing written: a file over 10 MB or 10,000 rows, not UTF-8 (or
UTF-16), not CSV, without a text column, or a name already taken while importing.

Exit codes: 0 imported (or nothing new to import), 2 bad usage, bad input or an unwritable workspace.`,
  positionals: ['what', 'dir', 'file'],
  options: {
    map: { type: 'string', multiple: true },
    source: { type: 'string' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(context, [what, dir, file], values) {
    if (what !== 'feedback') return fail(context, `import: only 'feedback' can be imported, not '${what}'`);
    const source = values.source;
    if (source !== undefined && !(feedbackSources as readonly unknown[]).includes(source)) {
      return fail(
        context,
        `import: --source must be one of ${feedbackSources.join(', ')}, not '${String(source)}'`,
      );
    }
    const name = path.basename(file!);
    const bytes = await readInput(context, file!);
    if (!bytes.ok) return bytes.code;
    const { readCsv } = await import('../../import/csvTable.js');
    const { feedbackRows, mapColumns } = await import('../../import/feedbackRows.js');
    const csv = readCsv(bytes.bytes, name);
    if (!csv.ok) return fail(context, `import: ${csv.message}`);
    const columns = mapColumns(csv.table.header, (values.map as string[] | undefined) ?? [], name);
    if (!columns.ok) return fail(context, `import: ${columns.message}`);
    const { rows, empty } = feedbackRows(csv.table, columns.columns, source as FeedbackSource | undefined);

    const dryRun = values['dry-run'] === true;
    const opened = await openWorkspace(context, 'import', dir!, { write: !dryRun });
    if (!opened.ok) return opened.code;
    try {
      const result = await opened.workspace.importFeedback(rows, { dryRun });
      if (!result.ok) return fail(context, `import: ${result.message}`);
      const { plan, written } = result;
      const refused = plan.notes.flatMap((note) => (note.refusedAddress ? [note.refusedAddress] : []));
      if (values.json === true) {
        writeJson(context, {
          written,
          notes: plan.notes.map(
            ({ key, path: notePath, title, customer, source: noteSource, date, line }) => ({
              key,
              path: notePath,
              title,
              // Every field help names, null where the row has none.
              customer: customer ?? null,
              source: noteSource ?? null,
              date: date ?? null,
              line,
            }),
          ),
          alreadyImported: plan.alreadyImported,
          repeated: plan.repeated.length,
          // Each left-out row's line and the line of the earlier row it repeats.
          repeatedRows: plan.repeated,
          empty,
          refusedAddresses: refused,
        });
        return exitCodes.ok;
      }
      const left = [
        plan.alreadyImported > 0 ? `${plural(plan.alreadyImported, 'row')} imported before` : '',
        repeatedRowsPhrase(plan.repeated),
        empty > 0 ? `${plural(empty, 'row')} without text` : '',
      ].filter((part) => part !== '');
      const notes = plural(plan.notes.length, 'feedback note');
      const headline =
        plan.notes.length === 0
          ? `Nothing new to import from ${name}`
          : `${dryRun ? 'Would import' : 'Imported'} ${notes} into feedback/ (${keyRange(plan.notes)})`;
      writeLines(context, [`${headline}${left.length > 0 ? `; ${left.join(', ')}` : ''}.`]);
      writeLines(
        context,
        refusedAddressLines(refused).map((line) => `${line}.`),
      );
      if (plan.notes.length > 0) {
        const rowsShown = plan.notes
          .slice(0, listedNotes)
          .map((note) => [
            '  ' + note.key,
            note.source ?? '',
            note.customer ?? '',
            note.date ?? '',
            dryRun ? note.title : note.path,
          ]);
        // A field no row has leaves no empty column behind.
        const filled = rowsShown[0]!.map((_, column) => rowsShown.some((row) => row[column] !== ''));
        rowsShown.forEach((row, index) => (rowsShown[index] = row.filter((_, column) => filled[column])));
        writeLines(context, formatTable(rowsShown));
        if (plan.notes.length > listedNotes)
          writeLines(context, [`  … and ${plan.notes.length - listedNotes} more`]);
      }
      if (dryRun) writeLines(context, ['Nothing was written (--dry-run).']);
      return exitCodes.ok;
    } finally {
      await opened.workspace.close();
    }
  },
};

/** The file's bytes; a missing file, a folder or one too large to import is one line. */
async function readInput(
  context: CliContext,
  file: string,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; code: number }> {
  const absolute = path.resolve(context.cwd, file);
  try {
    const stats = await fs.stat(absolute);
    if (stats.isDirectory())
      return { ok: false, code: fail(context, `import: ${file} is a folder, not a CSV file`) };
    const { csvByteLimit, tooLargeMessage } = await import('../../import/csvTable.js');
    // Too large is refused from its size alone: a 50 MB file is never read into memory.
    if (stats.size > csvByteLimit) {
      return {
        ok: false,
        code: fail(context, `import: ${tooLargeMessage(stats.size, path.basename(file))}`),
      };
    }
    return { ok: true, bytes: await fs.readFile(absolute) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file' : systemMessage(error);
    return { ok: false, code: fail(context, `import: ${file}: ${reason}`) };
  }
}

function keyRange(notes: readonly { key: string }[]): string {
  return notes.length === 1 ? notes[0]!.key : `${notes[0]!.key} to ${notes.at(-1)!.key}`;
}
