/** A requirement block as a card: key, priority, status, roadmap-item chips with a picker, and its body. */
import { NodeViewContent, NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { requirementPriorities, requirementStatuses } from '../../../shared/grammar/linkGrammar.js';
import { useCallback } from 'react';
import { useWorkspace } from '../../app/workspaceState.js';
import { KeyPicker } from './KeyPicker.js';
import { useEditorContext } from './editorContext.js';

export function RequirementCard({ node, updateAttributes, editor }: ReactNodeViewProps) {
  const workspace = useWorkspace();
  const { navigate, onSelectRequirement, highlight } = useEditorContext();
  const key = String(node.attrs.key ?? '');
  const priority = (node.attrs.priority as string | null) ?? '';
  const status = (node.attrs.status as string | null) ?? '';
  const roadmap = Array.isArray(node.attrs.roadmap) ? (node.attrs.roadmap as string[]) : [];
  const editable = editor.isEditable;
  const roadmapOptions = useCallback(
    () =>
      workspace.roadmap
        .filter((item) => !roadmap.includes(item.key))
        .map((item) => ({ key: item.key, title: item.title })),
    [workspace.roadmap, roadmap],
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
          {roadmap.map((itemKey) => {
            const item = workspace.roadmapByKey.get(itemKey);
            return (
              <span key={itemKey} className={item ? 'chip roadmap-chip' : 'chip roadmap-chip broken'}>
                <a
                  href={`#/roadmap/${encodeURIComponent(itemKey)}`}
                  title={item ? `${itemKey}: ${item.title} (${item.lane})` : `${itemKey} does not exist`}
                  onClick={(event) => {
                    event.preventDefault();
                    navigate(`#/roadmap/${encodeURIComponent(itemKey)}`);
                  }}
                >
                  {itemKey}
                  {item && <span className="chip-title">{item.title}</span>}
                </a>
                {editable && (
                  <button
                    type="button"
                    className="chip-remove"
                    aria-label={`Remove ${itemKey} from ${key}`}
                    onClick={() =>
                      updateAttributes({ roadmap: roadmap.filter((value) => value !== itemKey) })
                    }
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
      </header>
      <NodeViewContent className="requirement-body" />
    </NodeViewWrapper>
  );
}
