/** A requirement block as a card: key, priority, status, roadmap-item chips with a picker, and its body. */
import { NodeViewContent, NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { requirementPriorities, requirementStatuses } from '../../../shared/grammar/linkGrammar.js';
import { memo, useCallback } from 'react';
import { historyHash, keyHash } from '../../workbench/route.js';
import { CopyLinkButton } from '../../ui/CopyLinkButton.js';
import { useWorkspaceSelector, useWorkspaceStore } from '../../workbench/workspaceSelector.js';
import { useCommentRequests } from '../../workbench/comments.js';
import { KeyPicker, type KeyOption } from './KeyPicker.js';
import { useEditorContext } from './editorContext.js';
import { requirementGuidance } from './sectionGuidance.js';

export function RequirementCard({ node, updateAttributes, editor }: ReactNodeViewProps) {
  const { navigate, onSelectRequirement, highlight, commit, path } = useEditorContext();
  const roadmap = Array.isArray(node.attrs.roadmap) ? (node.attrs.roadmap as string[]) : [];
  // Only what the card shows: a save (which changes the workspace) renders none of a long spec's cards.
  const { specKey, canComment, items } = useWorkspaceSelector((workspace) => {
    const key = workspace.byPath.get(path)?.key;
    return {
      specKey: key,
      canComment: (workspace.info?.canComment ?? workspace.info?.writable ?? false) && key !== undefined,
      items: roadmap.map((itemKey): RoadmapChip => {
        const item = workspace.roadmapByKey.get(itemKey);
        return { key: itemKey, title: item?.title, lane: item?.lane };
      }),
    };
  });
  const workspaceStore = useWorkspaceStore();
  const commentRequests = useCommentRequests();
  // The header's fields are choices, saved at once so the board and Links panel follow.
  const changeAttributes = useCallback(
    (attributes: Record<string, unknown>) => {
      updateAttributes(attributes);
      commit?.();
    },
    [updateAttributes, commit],
  );
  const key = String(node.attrs.key ?? '');
  const priority = (node.attrs.priority as string | null) ?? '';
  const status = (node.attrs.status as string | null) ?? '';
  // Read when the picker opens, so a refreshed roadmap does not re-render the header.
  const roadmapOptions = useCallback(
    () =>
      workspaceStore
        .current()
        .roadmap.filter((item) => !roadmap.includes(item.key))
        .map((item) => ({ key: item.key, title: item.title })),
    [roadmap, workspaceStore],
  );

  return (
    <NodeViewWrapper
      as="section"
      className={`requirement-card priority-${priority || 'none'}${highlight === key ? ' highlighted' : ''}`}
      aria-label={`Requirement ${key}`}
      data-requirement={key}
      onFocusCapture={() => onSelectRequirement(key)}
      onMouseDown={() => onSelectRequirement(key)}
    >
      <RequirementHeader
        requirementKey={key}
        specKey={specKey}
        priority={priority}
        status={status}
        items={items}
        editable={editor.isEditable}
        roadmapOptions={roadmapOptions}
        updateAttributes={changeAttributes}
        navigate={navigate}
        onComment={
          canComment && commentRequests
            ? () => commentRequests.request({ document: specKey!, anchor: { kind: 'key', key }, label: key })
            : undefined
        }
      />
      {/* Shown while the card is empty (editor.css): a new requirement's guidance, never its text. */}
      <NodeViewContent className="requirement-body" data-guidance={requirementGuidance} />
    </NodeViewWrapper>
  );
}

interface RoadmapChip {
  key: string;
  /** Undefined when no roadmap item has this key. */
  title: string | undefined;
  lane: string | undefined;
}

interface HeaderProps {
  requirementKey: string;
  /** The spec's key, for the link `#/SPEC-1#REQ-4`; a spec without one links `#/REQ-4`. */
  specKey: string | undefined;
  priority: string;
  status: string;
  items: RoadmapChip[];
  editable: boolean;
  roadmapOptions: () => readonly KeyOption[];
  updateAttributes: (attributes: Record<string, unknown>) => void;
  navigate: (hash: string) => void;
  /** Starts a review thread on this requirement; absent where comments cannot be written. */
  onComment: (() => void) | undefined;
}

function sameHeader(before: HeaderProps, after: HeaderProps): boolean {
  return (
    before.requirementKey === after.requirementKey &&
    before.specKey === after.specKey &&
    before.priority === after.priority &&
    before.status === after.status &&
    before.editable === after.editable &&
    before.updateAttributes === after.updateAttributes &&
    before.navigate === after.navigate &&
    (before.onComment === undefined) === (after.onComment === undefined) &&
    before.items.length === after.items.length &&
    before.items.every(
      (item, index) =>
        item.key === after.items[index]!.key &&
        item.title === after.items[index]!.title &&
        item.lane === after.items[index]!.lane,
    )
  );
}

// A workspace refresh reaches every card in the document: only cards whose header changed render again.
const RequirementHeader = memo(function RequirementHeader({
  requirementKey: key,
  specKey,
  priority,
  status,
  items,
  editable,
  roadmapOptions,
  updateAttributes,
  navigate,
  onComment,
}: HeaderProps) {
  const roadmap = items.map((item) => item.key);
  return (
    <header className="requirement-header" contentEditable={false}>
      <span className="requirement-key">{key}</span>
      {!editable && (
        <>
          {priority && <span className={`badge priority-badge priority-${priority}`}>{priority}</span>}
          {status && <span className={`status status-${status}`}>{status}</span>}
        </>
      )}
      {editable && (
        <label className="compact-field">
          <span className="visually-hidden">Priority of {key}</span>
          <select
            value={priority}
            disabled={!editable}
            onChange={(event) => updateAttributes({ priority: event.target.value || null })}
          >
            <option value="">priority…</option>
            {requirementPriorities.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </label>
      )}
      {editable && (
        <label className="compact-field">
          <span className="visually-hidden">Status of {key}</span>
          <select
            value={status}
            disabled={!editable}
            onChange={(event) => updateAttributes({ status: event.target.value || null })}
          >
            <option value="">status…</option>
            {requirementStatuses.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </label>
      )}
      <span className="roadmap-chips" role="group" aria-label={`Roadmap items of ${key}`}>
        {items.map((item) => {
          const itemKey = item.key;
          return (
            <span
              key={itemKey}
              className={item.title !== undefined ? 'chip roadmap-chip' : 'chip roadmap-chip broken'}
            >
              <a
                href={`#/roadmap/${encodeURIComponent(itemKey)}`}
                title={
                  item.title !== undefined
                    ? `${itemKey}: ${item.title} (${item.lane})`
                    : `${itemKey} does not exist`
                }
                onClick={(event) => {
                  event.preventDefault();
                  navigate(`#/roadmap/${encodeURIComponent(itemKey)}`);
                }}
              >
                {itemKey}
                {item.title !== undefined && <span className="chip-title">{item.title}</span>}
              </a>
              {editable && (
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={`Remove ${itemKey} from ${key}`}
                  onClick={() => updateAttributes({ roadmap: roadmap.filter((value) => value !== itemKey) })}
                >
                  ×
                </button>
              )}
            </span>
          );
        })}
        {editable && (
          <KeyPicker
            label={`Link ${key} to a roadmap item`}
            text="+ roadmap item"
            options={roadmapOptions}
            onPick={(itemKey) => updateAttributes({ roadmap: [...roadmap, itemKey] })}
          />
        )}
      </span>
      <CopyLinkButton
        hash={keyHash(specKey ? specKey : key, specKey ? key : undefined)}
        subject={key}
        className="requirement-copy-link"
      />
      <a
        className="requirement-history"
        href={historyHash(key)}
        aria-label={`History of ${key}`}
        onClick={(event) => {
          event.preventDefault();
          navigate(historyHash(key));
        }}
      >
        History
      </a>
      {onComment && (
        <button
          type="button"
          className="copy-link requirement-history"
          aria-label={`Comment on ${key}`}
          onClick={onComment}
        >
          Comment
        </button>
      )}
    </header>
  );
}, sameHeader);
