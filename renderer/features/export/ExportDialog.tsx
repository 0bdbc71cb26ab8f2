/** The Export dialog: which documents (all specs, or any chosen ones), which format, which parts; a progress bar while it runs, Cancel, the result. */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { ExportProgress, ExportedFile, SpecbenchApi } from '../../../shared/contract/apiContract.js';
import { isDesktop } from '../../api/getApi.js';
import { useCommentCounts } from '../../workbench/comments.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import { useModalDialog } from '../../ui/useModalDialog.js';
import {
  exportRequest,
  formatLabels,
  formatSize,
  partLabels,
  saveFile,
  type ExportChoices,
  type ExportFormat,
  type ExportPart,
} from './exportRequest.js';
import { DocumentChooser } from './DocumentChooser.js';
import './exportDialog.css';

export interface ExportDialogProps {
  api: SpecbenchApi;
  workspace: WorkspaceState;
  open: boolean;
  onClose: () => void;
  /** The path of the document shown when the dialog opened, whatever its kind: chosen at first. */
  initialDocument?: string;
}

export function ExportDialog({ open, onClose, ...props }: ExportDialogProps) {
  const dialog = useModalDialog(open, onClose);
  return (
    <dialog ref={dialog.ref} className="export-dialog" aria-labelledby="export-dialog-title">
      {open && <ExportForm {...props} onClose={onClose} />}
    </dialog>
  );
}

type Phase =
  | { name: 'choosing'; error?: string }
  | { name: 'running'; exportId: string; progress: ExportProgress }
  | { name: 'done'; file: ExportedFile };

/** How often the dialog asks how far the export is: smooth enough for a 1–3 s print, cheap over HTTP. */
const progressInterval = 200;

function ProgressBar({ progress }: { progress: ExportProgress }) {
  const percent = Math.round(progress.fraction * 100);
  return (
    <>
      <div
        role="progressbar"
        aria-label={progress.step}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}% — ${progress.step}`}
        className="export-dialog__bar"
      >
        <div className="export-dialog__bar-fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="export-dialog__step">
        {progress.step} · {percent}%
      </span>
    </>
  );
}

function ExportForm({ api, workspace, initialDocument, onClose }: Omit<ExportDialogProps, 'open'>) {
  const specs = useMemo(
    () =>
      workspace.documents
        .filter((entry) => entry.type === 'spec' && entry.key !== undefined)
        .sort((a, b) => a.key!.localeCompare(b.key!, 'en', { numeric: true })),
    [workspace.documents],
  );
  // The document it opened on first (in view), then specs by key, then every other document by
  // title: any of them can be exported as it is.
  const documents = useMemo(
    () => [
      ...workspace.documents.filter((entry) => entry.path === initialDocument),
      ...specs.filter((entry) => entry.path !== initialDocument),
      ...workspace.documents
        .filter((entry) => !specs.includes(entry) && entry.path !== initialDocument)
        .sort(
          (a, b) => a.title.localeCompare(b.title, 'en', { numeric: true }) || a.path.localeCompare(b.path),
        ),
    ],
    [specs, workspace.documents, initialDocument],
  );
  const [choices, setChoices] = useState<ExportChoices>(() => {
    const initial = initialDocument === undefined ? undefined : workspace.byPath.get(initialDocument);
    const chosen = initial ? [initial] : specs;
    // A bundle without requirements has no traceability to show: the matrix starts unticked.
    const requirements = chosen.some((entry) => entry.requirements.length > 0);
    return {
      scope: initial || specs.length === 0 ? 'chosen' : 'all',
      documents: initial ? [initial.path] : [],
      format: 'pdf',
      parts: requirements ? ['stories', 'matrix'] : [],
    };
  });
  const [phase, setPhase] = useState<Phase>({ name: 'choosing' });
  const running = useRef<string | undefined>(undefined);
  // Unresolved comments are in by default when the chosen documents have open threads, until the box is
  // ticked or cleared by hand: a reviewer's bundle should not hide what is still being discussed.
  const commentCounts = useCommentCounts(api);
  const [commentsChosen, setCommentsChosen] = useState<boolean | undefined>(undefined);
  const chosenKeys =
    choices.scope === 'all'
      ? specs.map((entry) => entry.key!)
      : choices.documents.flatMap((path) => workspace.byPath.get(path)?.key ?? []);
  const openThreads = chosenKeys.some((key) => (commentCounts[key] ?? 0) > 0);
  const withComments = commentsChosen ?? openThreads;
  const effective: ExportChoices = {
    ...choices,
    parts: [
      ...choices.parts.filter((part) => part !== 'comments'),
      ...(withComments ? ['comments' as const] : []),
    ],
  };

  // Closing the dialog mid-export cancels it, so no work outlives what the user sees.
  useEffect(
    () => () => {
      if (running.current) void api.exportBundle({ cancel: running.current });
    },
    [api],
  );

  const runningId = phase.name === 'running' ? phase.exportId : undefined;
  useEffect(() => {
    if (runningId === undefined) return;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      const progress = await api.exportProgress({ exportId: runningId });
      if (running.current !== runningId) return;
      // 'unknown-export' before the export registers or after it ends: the bar keeps its last value.
      if (progress.ok) {
        const { fraction, step } = progress;
        setPhase((current) =>
          current.name === 'running' && current.exportId === runningId
            ? { ...current, progress: { fraction, step } }
            : current,
        );
      }
      timer = setTimeout(() => void poll(), progressInterval);
    };
    timer = setTimeout(() => void poll(), progressInterval);
    return () => clearTimeout(timer);
  }, [api, runningId]);

  const toggle = <T extends string>(list: readonly T[], value: T): T[] =>
    list.includes(value) ? list.filter((item) => item !== value) : [...list, value];

  async function start(event: FormEvent) {
    event.preventDefault();
    const exportId = crypto.randomUUID();
    const request = exportRequest(effective, exportId);
    if (!request.ok) return setPhase({ name: 'choosing', error: request.message });
    running.current = exportId;
    setPhase({ name: 'running', exportId, progress: { fraction: 0, step: 'Gathering documents' } });
    const result = await api.exportBundle(request.input);
    if (running.current !== exportId) return;
    running.current = undefined;
    if (!result.ok) {
      setPhase({ name: 'choosing', ...(result.error === 'cancelled' ? {} : { error: result.message }) });
      return;
    }
    saveFile(result);
    setPhase({ name: 'done', file: result });
  }

  function cancel() {
    if (phase.name !== 'running') return onClose();
    running.current = undefined;
    void api.exportBundle({ cancel: phase.exportId });
    setPhase({ name: 'choosing', error: 'Export cancelled.' });
  }

  const busy = phase.name === 'running';
  const desktop = isDesktop();
  return (
    <form className="export-dialog__body" onSubmit={(event) => void start(event)}>
      <h2 id="export-dialog-title">Export</h2>
      <fieldset disabled={busy}>
        <legend>Documents</legend>
        <label>
          <input
            type="radio"
            name="scope"
            checked={choices.scope === 'all'}
            onChange={() => setChoices({ ...choices, scope: 'all' })}
          />
          All specs ({specs.length})
        </label>
        <label>
          <input
            type="radio"
            name="scope"
            checked={choices.scope === 'chosen'}
            onChange={() => setChoices({ ...choices, scope: 'chosen' })}
          />
          Chosen documents
        </label>
        <DocumentChooser
          documents={documents}
          choices={choices}
          onChange={(chosen) => setChoices({ ...choices, ...chosen })}
        />
      </fieldset>
      <fieldset disabled={busy}>
        <legend>Format</legend>
        {(Object.keys(formatLabels) as ExportFormat[]).map((format) => (
          <label key={format}>
            <input
              type="radio"
              name="format"
              checked={choices.format === format}
              onChange={() => setChoices({ ...choices, format })}
            />
            {formatLabels[format]}
          </label>
        ))}
      </fieldset>
      <fieldset disabled={busy}>
        <legend>Include</legend>
        {(Object.keys(partLabels) as ExportPart[]).map((part) => (
          <label key={part}>
            <input
              type="checkbox"
              checked={effective.parts.includes(part)}
              onChange={() =>
                part === 'comments'
                  ? setCommentsChosen(!withComments)
                  : setChoices({ ...choices, parts: toggle(choices.parts, part) })
              }
            />
            {partLabels[part]}
          </label>
        ))}
      </fieldset>
      <p className="export-dialog__destination">
        <strong>Destination:</strong>{' '}
        {desktop
          ? 'you choose the folder when the file is ready, then Show in folder opens it.'
          : 'your browser’s downloads (or wherever it asks you to save).'}
      </p>
      <div role="status" aria-label="Export state" className="export-dialog__state">
        {phase.name === 'running' && <ProgressBar progress={phase.progress} />}
        {phase.name === 'done' && (
          <span>
            Exported {phase.file.fileName} ({formatSize(phase.file.bytes)})
            {desktop ? ': choose where to save it, then Show in folder.' : ' to your downloads.'}{' '}
            <button type="button" className="link-button" onClick={() => saveFile(phase.file)}>
              Save again
            </button>
          </span>
        )}
      </div>
      {phase.name === 'done' && phase.file.warnings && <ExportWarnings lines={phase.file.warnings} />}
      {phase.name === 'choosing' && phase.error && (
        <p role="alert" className="export-dialog__error">
          {phase.error}
        </p>
      )}
      <div className="export-dialog__actions">
        <button type="button" onClick={cancel}>
          {busy ? 'Cancel' : 'Close'}
        </button>
        <button type="submit" className="primary" disabled={busy}>
          Export
        </button>
      </div>
    </form>
  );
}

/** What came out otherwise than asked: the file is written, and the PM knows what to check in it. */
function ExportWarnings({ lines }: { lines: string[] }) {
  return (
    <div className="banner banner--warning export-dialog__warnings" role="note" aria-label="Export warnings">
      <p>{lines.length === 1 ? 'One thing to check in it:' : `${lines.length} things to check in it:`}</p>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
