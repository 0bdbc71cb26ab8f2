/** The document page's top line: type and key, path, and what can be done with the document. */
import type { ComponentProps } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type { DocumentSummary } from '../../../shared/contract/documentSummary.js';
import type { DocumentType } from '../../../shared/model/documentModel.js';
import { CopyLinkButton } from '../../ui/CopyLinkButton.js';
import { SidePanelToggle } from '../../ui/SidePanelToggle.js';
import { historyHash, keyHash, sharedStoryHash } from '../../workbench/route.js';
import { storyViewHash } from '../../workbench/storyView.js';
import type { SessionMemo } from '../../workbench/sessionMemo.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import { DocumentMenu } from '../documents/index.js';
import {
  MakeSpecButton,
  MakeSpecNotice,
  type MakeSpecButtonProps as MakeSpecProps,
} from './MakeSpecButton.js';
import type { SaveStatus } from './useDocumentSession.js';

interface DocumentMetaProps {
  type: DocumentType;
  entry: DocumentSummary | undefined;
  path: string;
  writable: boolean;
  workspace: WorkspaceState;
  fields: Record<string, unknown>;
  status: SaveStatus;
  /** Changes front-matter fields and saves at once. */
  setFields: (changes: Record<string, unknown>) => void;
  api: SpecbenchApi;
  /** Resolves once nothing is unsaved; and reads the file again after an outside write (Undo). */
  saveNow: () => Promise<void>;
  reload: () => void;
  savedVersion: MakeSpecProps['savedVersion'];
  memo: SessionMemo;
  canComment: boolean;
  onComment: () => void;
  panelToggle: ComponentProps<typeof SidePanelToggle>;
}

const statusLabels: Record<SaveStatus, string> = {
  saved: 'Saved',
  unsaved: 'Unsaved',
  saving: 'Saving…',
  conflict: 'Conflict',
  failed: 'Not saved',
  deleted: 'Deleted on disk',
  offline: 'Waiting for the server',
};

export function DocumentMeta({
  type,
  entry,
  path,
  writable,
  workspace,
  fields,
  status,
  setFields,
  api,
  saveNow,
  reload,
  savedVersion,
  memo,
  canComment,
  onComment,
  panelToggle,
}: DocumentMetaProps) {
  return (
    <>
      <div className="document-meta">
        <span className={`type-badge type-${type}`}>{type === 'doc' ? 'Document' : type}</span>
        {entry?.key && <span className="key">{entry.key}</span>}
        <span className="path" title={path}>
          {/* The folders give way (ellipsis) from their start, before the file name does. */}
          <span className="path-folder">
            <bdi>{path.slice(0, Math.max(0, path.lastIndexOf('/')))}</bdi>
          </span>
          <span>{path.slice(Math.max(0, path.lastIndexOf('/')))}</span>
        </span>
        {writable && (
          <MakeSpecButton
            type={type}
            hasKey={Boolean(entry?.key ?? fields.key)}
            hasFrontMatter={Object.keys(fields).length > 0}
            path={path}
            api={api}
            workspace={workspace}
            setFields={setFields}
            saveNow={saveNow}
            reload={reload}
            savedVersion={savedVersion}
            memo={memo}
          />
        )}
        {type === 'story' && (
          <a
            className="subtle-link"
            href={storyViewHash({ path, key: entry?.key }, 'engineer', writable, workspace.byKey)}
          >
            Engineer view
          </a>
        )}
        {entry?.key && (
          <CopyLinkButton
            hash={type === 'story' ? sharedStoryHash(entry.key, 'editor') : keyHash(entry.key)}
            subject={entry.key}
          />
        )}
        <a className="subtle-link" href={historyHash(path)}>
          History
        </a>
        {canComment && (
          <button
            type="button"
            className="copy-link subtle-link"
            title="Comment on the selected text, the requirement or the section at the cursor (Ctrl+Alt+M)"
            // Keeps the editor's selection: the comment is about what is selected.
            onMouseDown={(event) => event.preventDefault()}
            onClick={onComment}
          >
            Comment
          </button>
        )}
        <SidePanelToggle {...panelToggle} />
        {writable && <SaveState status={status} />}
        {writable && <DocumentMenu path={path} archived={fields.status === 'archived'} />}
      </div>
      {writable && (
        <MakeSpecNotice
          type={type}
          path={path}
          api={api}
          workspace={workspace}
          saveNow={saveNow}
          reload={reload}
          memo={memo}
        />
      )}
    </>
  );
}

function SaveState({ status }: { status: SaveStatus }) {
  return (
    <span role="status" aria-label="Save state" className={`save-state save-${status}`}>
      {statusLabels[status]}
    </span>
  );
}
