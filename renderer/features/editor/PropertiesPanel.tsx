/** Front-matter fields as a typed form; every change goes through setFrontMatterFields (minimal line edits). */
import { useState } from 'react';
import { documentStatuses, type DocumentType } from '../../../shared/model/documentModel.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import { KeyPicker, type KeyOption } from './KeyPicker.js';

interface PropertiesPanelProps {
  type: DocumentType;
  fields: Record<string, unknown>;
  workspace: WorkspaceState;
  editable: boolean;
  onChange: (changes: Record<string, unknown>) => void;
}

// Sign-off stamps are shown as review and approval state, not as raw fields.
const shownElsewhere = new Set(['title', 'key', 'type', 'reviewed', 'approvals']);
const edited = new Set(['status', 'owner', 'implements', 'answers', 'estimate']);

/** Every requirement, named by its first line and the spec it is in: two specs may word one alike. */
function requirementOptions(workspace: WorkspaceState): KeyOption[] {
  const options: KeyOption[] = [];
  for (const entry of workspace.documents) {
    const spec = entry.key ? `${entry.key} ${entry.title}` : entry.title;
    for (const requirement of entry.requirements) {
      options.push({
        key: requirement.key,
        title: requirement.summary ? `${requirement.summary} — ${spec}` : spec,
      });
    }
  }
  return options;
}

function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string' && value.trim() !== '') return value.split(/[\s,]+/).filter(Boolean);
  return [];
}

export function PropertiesPanel({ type, fields, workspace, editable, onChange }: PropertiesPanelProps) {
  const statuses = documentStatuses[type];
  const status = typeof fields.status === 'string' ? fields.status : '';
  const others = Object.entries(fields).filter(([name]) => !shownElsewhere.has(name) && !edited.has(name));
  return (
    <section className="properties" aria-label="Properties">
      {statuses.length > 0 && (
        <label className="property">
          <span>Status</span>
          <select
            value={status}
            disabled={!editable}
            onChange={(event) => onChange({ status: event.target.value || undefined })}
          >
            {!statuses.includes(status) && <option value={status}>{status || '—'}</option>}
            {statuses.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </label>
      )}
      <TextProperty
        label="Owner"
        value={typeof fields.owner === 'string' ? fields.owner : ''}
        editable={editable}
        onCommit={(value) => onChange({ owner: value || undefined })}
      />
      {type === 'story' && (
        <>
          <KeyListProperty
            label="Implements"
            keys={asList(fields.implements)}
            options={() => requirementOptions(workspace)}
            editable={editable}
            onChange={(keys) => onChange({ implements: keys })}
          />
          <TextProperty
            label="Estimate"
            value={fields.estimate === undefined ? '' : String(fields.estimate as string | number)}
            editable={editable}
            onCommit={(value) =>
              onChange({
                estimate: value === '' ? undefined : Number.isFinite(Number(value)) ? Number(value) : value,
              })
            }
          />
        </>
      )}
      {type === 'faq' && (
        <KeyListProperty
          label="Answers"
          keys={asList(fields.answers)}
          options={() =>
            workspace.documents
              .filter((entry) => entry.type === 'spec' && entry.key)
              .map((entry) => ({ key: entry.key!, title: entry.title }))
          }
          editable={editable}
          onChange={(keys) => onChange({ answers: keys })}
        />
      )}
      {others.map(([name, value]) => (
        <div key={name} className="property readonly">
          <span>{name}</span>
          <span className="property-value">
            {typeof value === 'object' ? JSON.stringify(value) : String(value as string)}
          </span>
        </div>
      ))}
    </section>
  );
}

function TextProperty({
  label,
  value,
  editable,
  onCommit,
}: {
  label: string;
  value: string;
  editable: boolean;
  onCommit: (value: string) => void;
}) {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    setDraft(value);
  }
  return (
    <label className="property">
      <span>{label}</span>
      <input
        value={draft}
        readOnly={!editable}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => draft.trim() !== value && onCommit(draft.trim())}
        onKeyDown={(event) => event.key === 'Enter' && event.currentTarget.blur()}
      />
    </label>
  );
}

function KeyListProperty(props: {
  label: string;
  keys: string[];
  options: () => KeyOption[];
  editable: boolean;
  onChange: (keys: string[]) => void;
}) {
  const { label, keys, options, editable, onChange } = props;
  return (
    <div className="property" role="group" aria-label={label}>
      <span>{label}</span>
      <span className="key-list">
        {keys.map((key) => (
          <span key={key} className="chip">
            {key}
            {editable && (
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove ${key} from ${label}`}
                onClick={() => onChange(keys.filter((value) => value !== key))}
              >
                ×
              </button>
            )}
          </span>
        ))}
        {editable && (
          <KeyPicker
            label={`Add to ${label}`}
            text="+ add"
            options={() => options().filter((option) => !keys.includes(option.key))}
            onPick={(key) => onChange([...keys, key])}
          />
        )}
      </span>
    </div>
  );
}
