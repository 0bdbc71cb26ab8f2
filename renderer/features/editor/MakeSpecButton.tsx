/**
 * "Make this a spec" for a note without a key (or one that says `type: spec` but has none): adds
 * `key:` (the next free one) and `type:` to its front matter and changes nothing else, so it can be
 * linked by key, exported and traced. A note that declares story or FAQ becomes that instead. It
 * says what it adds before the click, and offers Undo after, which puts back the file's exact bytes.
 */
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import { nextKey } from '../../../shared/model/keys.js';
import type { DocumentType } from '../../../shared/model/documentModel.js';
import { documentHash } from '../../workbench/route.js';
import { useSessionMemo, type SessionMemo } from '../../workbench/sessionMemo.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';

const kinds: Partial<Record<DocumentType, { type: 'spec' | 'story' | 'faq'; name: string }>> = {
  doc: { type: 'spec', name: 'spec' },
  spec: { type: 'spec', name: 'spec' },
  story: { type: 'story', name: 'story' },
  faq: { type: 'faq', name: 'FAQ' },
};

const messageName = 'makeSpec.message';

type FileVersion = Extract<Awaited<ReturnType<SpecbenchApi['readDocument']>>, { ok: true }>['version'];

export interface MakeSpecButtonProps {
  type: DocumentType;
  hasKey: boolean;
  /** Whether the file has front matter already (else the fields go at its very top). */
  hasFrontMatter: boolean;
  path: string;
  api: SpecbenchApi;
  workspace: WorkspaceState;
  /** Changes front-matter fields and saves at once. */
  setFields: (changes: Record<string, unknown>) => void;
  /** Resolves once the editor has nothing unsaved. */
  saveNow: () => Promise<void>;
  /** Reads the file again after a write that did not come from the editor (Undo). */
  reload: () => void;
  /** The version the editor's last save wrote: Undo compares the disk with it. */
  savedVersion: () => FileVersion | undefined;
  /** Holds the Undo and the answer: a reload from disk remounts this button, and they must survive it. */
  memo: SessionMemo;
}

const undoName = 'makeSpec.undo';

type Undo = { text: string; version: FileVersion };

export function MakeSpecButton(props: MakeSpecButtonProps) {
  const { type, hasKey, workspace, path } = props;
  const [undo, setUndo] = useSessionMemo<Undo>(props.memo, undoName);
  const [, setMessage] = useSessionMemo<string>(props.memo, messageName);
  const kind = kinds[type];
  const prefixes = workspace.info?.settings.prefixes;
  const fileName = path.slice(path.lastIndexOf('/') + 1);
  if (undo || hasKey || !kind || !prefixes) return null;
  const taken = [
    ...workspace.documents.flatMap((document) => [
      ...(document.key ? [document.key] : []),
      ...document.requirements.map((requirement) => requirement.key),
    ]),
    ...workspace.roadmap.map((item) => item.key),
  ];
  const key = nextKey(prefixes[kind.type], taken);
  const changes: Record<string, string> = type === kind.type ? { key } : { key, type: kind.type };
  const fields = Object.entries(changes)
    .map(([name, value]) => `${name}: ${value}`)
    .join(', ');
  const what = `Adds to the ${props.hasFrontMatter ? 'front matter' : 'top'} of ${fileName}: ${fields}`;

  async function makeSpec() {
    setMessage(undefined);
    await props.saveNow();
    const before = await props.api.readDocument({ path });
    if (!before.ok) return setMessage(`Not changed: ${before.message}`);
    const previous = props.savedVersion();
    props.setFields(changes);
    await props.saveNow();
    // What the save wrote, not a read after it: an outside edit landing between would pass for ours,
    // and Undo would then put back the old bytes over it.
    const after = props.savedVersion();
    if (!after || after === previous)
      return setMessage(`Added ${fields}, but cannot offer Undo: ${fileName} was not saved.`);
    setMessage(`Added ${fields} to ${fileName}.`);
    setUndo({ text: before.text, version: after });
  }

  return (
    <span>
      {/* Said on hover and to a screen reader: spelled out in the header it pushed Document actions off screen. */}
      <span className="visually-hidden" id={`make-spec-${path}`}>
        {what}
      </span>
      <button
        type="button"
        className="make-spec"
        title={what}
        aria-describedby={`make-spec-${path}`}
        onClick={() => void makeSpec()}
      >
        Make this a {kind.name}
      </button>
    </span>
  );
}

/**
 * What Make this a spec did, and its Undo, on a row of their own under the header: beside the
 * header's controls they pushed Document actions off screen (at 1024 and at 1440 px).
 */
export function MakeSpecNotice(
  props: Pick<MakeSpecButtonProps, 'type' | 'path' | 'api' | 'workspace' | 'saveNow' | 'reload' | 'memo'>,
) {
  const { path, api, workspace } = props;
  const [undo, setUndo] = useSessionMemo<Undo>(props.memo, undoName);
  const [message, setMessage] = useSessionMemo<string>(props.memo, messageName);
  const fileName = path.slice(path.lastIndexOf('/') + 1);
  if (!message && !undo) return null;

  async function undoMake(previous: Undo) {
    await props.saveNow();
    const current = await api.readDocument({ path });
    if (!current.ok || current.version.hash !== previous.version.hash) {
      setUndo(undefined);
      return setMessage(`Not undone: ${fileName} changed since, so putting it back would lose that change.`);
    }
    const saved = await api.saveDocument({ path, text: previous.text, expected: current.version });
    if (!saved.ok) return setMessage(`Not undone: ${saved.message}`);
    setUndo(undefined);
    setMessage(`Undone: ${fileName} is as it was.`);
    props.reload();
    await workspace.update({ paths: [path] });
    // The address named the key just taken back: name the file again, or the page would say it is gone.
    window.location.hash = documentHash(path);
  }

  return (
    <div className="make-spec-notice">
      <span role="status">{message}</span>
      {undo && (
        <button
          type="button"
          className="make-spec"
          aria-label={`Undo Make this a ${kinds[props.type]?.name ?? 'spec'}`}
          onClick={() => void undoMake(undo)}
        >
          Undo
        </button>
      )}
    </div>
  );
}
