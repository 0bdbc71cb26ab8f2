/** The contract's evidence and release methods over one open workspace: imports, triage, releases, notes. */
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/apiContract.js';
import { summarizeDocument } from '../../shared/contract/documentSummary.js';
import type { FeedbackImportView } from '../../shared/contract/evidenceArguments.js';
import type { Release } from '../../shared/model/roadmapModel.js';
import { editFrontMatter } from '../engine/frontMatterEdit.js';
import type { Workspace } from '../engine/workspace.js';
import { releaseNotesFile } from '../export/releaseNotesFile.js';
import { readCsv } from '../import/csvTable.js';
import { feedbackRows, mapColumns } from '../import/feedbackRows.js';

type EvidenceMethod =
  | 'listReleases'
  | 'createRelease'
  | 'updateRelease'
  | 'removeRelease'
  | 'releaseNotes'
  | 'importFeedback'
  | 'triageFeedback';
type EvidenceHandlers = {
  [M in Extract<MethodName, EvidenceMethod>]: (
    input: MethodInput<M>,
  ) => Promise<MethodOutput<M>> | MethodOutput<M>;
};
type Writable = <T>(run: () => Promise<T>) => Promise<T | { ok: false; error: string; message: string }>;

export function evidenceHandlers(workspace: Workspace, writable: Writable): EvidenceHandlers {
  return {
    listReleases: () => workspace.releases(),
    createRelease: (input) => writable(() => workspace.roadmapStore.createRelease(input)),
    updateRelease: ({ key, patch }) =>
      writable(() => {
        const fields: Record<string, unknown> = {};
        for (const [field, value] of Object.entries(patch)) fields[field] = value ?? undefined;
        return workspace.roadmapStore.updateRelease(key, fields as Partial<Omit<Release, 'key'>>);
      }),
    removeRelease: ({ key }) => writable(() => workspace.roadmapStore.removeRelease(key)),
    releaseNotes: ({ key, audience, format }) => releaseNotesFile(workspace, key, audience, format),
    importFeedback: ({ base64, fileName, map, source, dryRun }) =>
      writable(async () => {
        const csv = readCsv(Buffer.from(base64, 'base64'), fileName);
        if (!csv.ok) return { ok: false as const, error: 'bad-csv', message: csv.message };
        const columns = mapColumns(csv.table.header, map ?? [], fileName);
        const header = csv.table.header;
        const named = (read: Partial<Record<string, number>>) =>
          Object.fromEntries(Object.entries(read).map(([field, index]) => [field, header[index!]!]));
        // A preview asks which column holds the text rather than refusing, as the CLI's --map would.
        if (!columns.ok && columns.columns && dryRun) {
          const view: FeedbackImportView = {
            written: false,
            notes: [],
            alreadyImported: 0,
            repeated: [],
            empty: 0,
            header,
            columns: named(columns.columns),
            missingText: columns.message,
          };
          return { ok: true as const, ...view };
        }
        if (!columns.ok) return { ok: false as const, error: 'bad-columns', message: columns.message };
        const { rows, empty } = feedbackRows(csv.table, columns.columns, source);
        const result = await workspace.importFeedback(rows, { dryRun });
        if (!result.ok) return result;
        const view: FeedbackImportView = {
          written: result.written,
          notes: result.plan.notes.map(({ text: _text, ...note }) => note),
          alreadyImported: result.plan.alreadyImported,
          repeated: result.plan.repeated,
          empty,
          header,
          columns: named(columns.columns),
        };
        return { ok: true as const, ...view };
      }),
    triageFeedback: ({ path: file, link = [], archive }) =>
      writable(async () => {
        const entry = workspace.document(file);
        if (entry?.path !== file || entry.type !== 'feedback') {
          return { ok: false as const, error: 'not-feedback', message: `${file} is not a feedback note.` };
        }
        // Read from the file as it is now, so what another window linked meanwhile is kept.
        const edited = await editFrontMatter(workspace, file, (data) => {
          const current = Array.isArray(data.about)
            ? data.about.filter((key) => typeof key === 'string')
            : [];
          const about = [...current, ...link.filter((key) => !current.includes(key))];
          const status = archive === true ? 'archived' : about.length > 0 ? 'triaged' : data.status;
          return about.length === current.length && data.status === status ? undefined : { about, status };
        });
        if (!edited.ok) return { ok: false as const, error: 'io', message: edited.message };
        const saved = workspace.document(file);
        return saved
          ? { ok: true as const, summary: summarizeDocument(saved) }
          : { ok: false as const, error: 'not-found', message: `${file} is gone.` };
      }),
  };
}
