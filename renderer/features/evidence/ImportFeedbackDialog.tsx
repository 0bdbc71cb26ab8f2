/**
 * Import feedback from a CSV (chosen, dropped or pasted): the server reads it exactly as
 * `specbench import feedback` does and answers a preview first — the notes it would write, the rows
 * already imported, how the columns were read — or the CLI's one-line refusal. Import writes all or none.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type { FeedbackImportView } from '../../../shared/contract/evidenceArguments.js';
import { csvByteLimit, tooLargeMessage } from '../../../shared/import/csvLimits.js';
import { feedbackSources, type FeedbackSource } from '../../../shared/model/documentModel.js';
import { refusedAddressLines } from '../../../shared/import/refusedAddress.js';
import { useModalDialog } from '../../ui/useModalDialog.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import { ImportPreview, mappedFields, type ColumnChoice } from './ImportPreview.js';

export type CsvInput =
  { kind: 'none' } | { kind: 'file'; file: File } | { kind: 'text'; text: string; name: string };

interface ImportFeedbackDialogProps {
  api: SpecbenchApi;
  workspace: Pick<WorkspaceState, 'update'>;
  /** What to import; the dialog is open while it is set. */
  input: CsvInput | undefined;
  onClose: () => void;
  /** Told how many notes were written, and what of them was left out (sentences). */
  onImported?: (count: number, leftOut: string[]) => void;
}

interface Csv {
  name: string;
  base64: string;
}

type Phase =
  | { name: 'choosing'; error?: string }
  | { name: 'reading' }
  | { name: 'preview'; csv: Csv; view: FeedbackImportView }
  | { name: 'refused'; csv?: Csv; message: string }
  | { name: 'importing'; csv: Csv; view: FeedbackImportView };

/** Column choices are remembered per set of headers: the next export from the same tool reads the same way. */
const choiceKey = (header: readonly string[]) => `specbench.feedbackColumns:${JSON.stringify(header)}`;

function rememberedChoice(header: readonly string[]): ColumnChoice {
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(choiceKey(header)) ?? '{}');
    if (!stored || typeof stored !== 'object') return {};
    return Object.fromEntries(
      Object.entries(stored).filter(
        ([field, column]) =>
          (mappedFields as readonly string[]).includes(field) &&
          typeof column === 'string' &&
          (column === '' || header.includes(column)),
      ),
    ) as ColumnChoice;
  } catch {
    return {};
  }
}

/** `COLUMN=field`, or `=field` for a field un-picked (not imported, not guessed again). */
function mapOf(choice: ColumnChoice): string[] {
  return Object.entries(choice).flatMap(([field, column]) =>
    column === undefined ? [] : [`${column}=${field}`],
  );
}

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  }
  return btoa(binary);
}

async function csvOf(input: CsvInput): Promise<Csv | { refused: string } | undefined> {
  if (input.kind === 'none') return undefined;
  if (input.kind === 'text')
    return { name: input.name, base64: base64Of(new TextEncoder().encode(input.text)) };
  if (input.file.size > csvByteLimit) return { refused: tooLargeMessage(input.file.size, input.file.name) };
  return { name: input.file.name, base64: base64Of(new Uint8Array(await input.file.arrayBuffer())) };
}

export function ImportFeedbackDialog(props: ImportFeedbackDialogProps) {
  const dialog = useModalDialog(props.input !== undefined, props.onClose);
  return (
    <dialog
      ref={dialog.ref}
      className="import-dialog"
      aria-labelledby="import-dialog-title"
      onClick={dialog.onBackdropClick}
    >
      {props.input && <ImportForm {...props} input={props.input} />}
    </dialog>
  );
}

function ImportForm({
  api,
  workspace,
  input,
  onClose,
  onImported,
}: ImportFeedbackDialogProps & { input: CsvInput }) {
  const id = useId();
  const [phase, setPhase] = useState<Phase>({ name: 'choosing' });
  const [source, setSource] = useState<FeedbackSource | ''>('');
  const [pasted, setPasted] = useState('');
  const [chosen, setChosen] = useState<CsvInput>(input);
  const [choice, setChoice] = useState<ColumnChoice>({});
  const restored = useRef(false);

  useEffect(() => {
    let live = true;
    void (async () => {
      if (chosen.kind === 'none') return;
      setPhase({ name: 'reading' });
      const csv = await csvOf(chosen);
      if (!live || !csv) return;
      if ('refused' in csv) return setPhase({ name: 'refused', message: csv.refused });
      const answer = await api.importFeedback({
        base64: csv.base64,
        fileName: csv.name,
        ...(source ? { source } : {}),
        map: mapOf(choice),
        dryRun: true,
      });
      if (!live) return;
      if (answer.ok && !restored.current) {
        restored.current = true;
        const remembered = rememberedChoice(answer.header);
        if (Object.keys(remembered).length > 0) return setChoice(remembered);
      }
      setPhase(
        answer.ok
          ? { name: 'preview', csv, view: answer }
          : { name: 'refused', csv, message: answer.message },
      );
    })();
    return () => {
      live = false;
    };
  }, [api, chosen, source, choice]);

  async function importNotes(csv: Csv, view: FeedbackImportView) {
    setPhase({ name: 'importing', csv, view });
    const answer = await api.importFeedback({
      base64: csv.base64,
      fileName: csv.name,
      ...(source ? { source } : {}),
      map: mapOf(choice),
      dryRun: false,
    });
    if (!answer.ok) return setPhase({ name: 'refused', csv, message: answer.message });
    try {
      window.localStorage.setItem(choiceKey(answer.header), JSON.stringify(choice));
    } catch {
      // Not remembered (storage full or off): the next import guesses again.
    }
    await workspace.update({ paths: answer.notes.map((note) => note.path) });
    const refused = answer.notes.flatMap((note) => (note.refusedAddress ? [note.refusedAddress] : []));
    onImported?.(
      answer.notes.length,
      refusedAddressLines(refused).map((line) => `${line}.`),
    );
    onClose();
  }

  const view = phase.name === 'preview' || phase.name === 'importing' ? phase.view : undefined;
  const name = chosen.kind === 'file' ? chosen.file.name : chosen.kind === 'text' ? chosen.name : undefined;
  return (
    <form className="import-dialog__body" method="dialog" onSubmit={(event) => event.preventDefault()}>
      <h2 id="import-dialog-title">Import feedback{name ? ` from ${name}` : ''}</h2>
      {chosen.kind === 'none' && (
        <>
          <p className="muted">
            A CSV export from Intercom, Zendesk, a survey tool or a spreadsheet (UTF-8; comma, semicolon or
            tab). Each row becomes a note in <code>feedback/</code>; rows imported before are skipped.
          </p>
          <label className="import-dialog__file">
            <span>CSV file</span>
            <input
              type="file"
              accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) setChosen({ kind: 'file', file });
              }}
            />
          </label>
          <label htmlFor={`${id}-paste`}>Or paste the CSV</label>
          <textarea
            id={`${id}-paste`}
            className="textarea import-dialog__paste"
            rows={6}
            value={pasted}
            spellCheck={false}
            onChange={(event) => setPasted(event.target.value)}
          />
        </>
      )}
      {chosen.kind !== 'none' && (
        <label className="import-dialog__source">
          <span>Source of rows without one</span>
          <select
            className="select"
            value={source}
            onChange={(event) => setSource(event.target.value as FeedbackSource | '')}
          >
            <option value="">From the CSV, if it has a column</option>
            {feedbackSources.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </label>
      )}
      {phase.name === 'reading' && <p role="status">Reading the CSV…</p>}
      {phase.name === 'refused' && (
        <p role="alert" className="inline-error">
          {phase.message}
        </p>
      )}
      {view && (
        <ImportPreview
          view={view}
          choice={choice}
          onChoose={(field, column) => setChoice({ ...choice, [field]: column })}
        />
      )}
      <div className="import-dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        {chosen.kind === 'none' ? (
          <button
            type="button"
            className="button button--primary"
            disabled={pasted.trim() === ''}
            onClick={() => setChosen({ kind: 'text', text: pasted, name: 'pasted.csv' })}
          >
            Preview
          </button>
        ) : (
          <button
            type="button"
            className="button button--primary"
            disabled={!view || view.notes.length === 0 || phase.name === 'importing'}
            onClick={() => phase.name === 'preview' && void importNotes(phase.csv, phase.view)}
          >
            {importLabel(phase.name === 'importing', view)}
          </button>
        )}
      </div>
    </form>
  );
}

function importLabel(importing: boolean, view: FeedbackImportView | undefined): string {
  if (importing) return 'Importing…';
  if (view?.missingText) return 'Choose the text column to import';
  const count = view?.notes.length ?? 0;
  return `Import ${count} ${count === 1 ? 'note' : 'notes'}`;
}
