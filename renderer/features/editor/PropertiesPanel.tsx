/** Front-matter fields as a typed form; every change goes through setFrontMatterFields (minimal line edits). */
import { useId } from 'react';
import { documentStatuses, type DocumentType } from '../../../shared/model/documentModel.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import { DesignLinksProperty } from './DesignLinksProperty.js';
import { FeedbackProperties, feedbackFields } from './FeedbackProperties.js';
import type { KeyOption } from './KeyPicker.js';
import { KeyListProperty, asList } from './KeyListProperty.js';
import { ReadOnlyProperty } from './ReadOnlyProperty.js';
import { TextProperty } from './TextProperty.js';

interface PropertiesPanelProps {
  type: DocumentType;
  fields: Record<string, unknown>;
  workspace: WorkspaceState;
  editable: boolean;
  onChange: (changes: Record<string, unknown>) => void;
}

// Sign-off stamps are shown as review and approval state, not as raw fields; an imported note's
// importHash stays in its file for the next import to recognise the row, and means nothing to a reader.
const shownElsewhere = new Set(['title', 'key', 'type', 'reviewed', 'approvals', 'importHash']);
const edited = new Set(['status', 'owner', 'implements', 'answers', 'estimate', 'depends', 'design']);
const feedbackEdited = new Set<string>([...edited, ...feedbackFields]);

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

/** `design:` as written: one entry or a list of them. */
function designEntries(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item) => typeof item === 'string');
  return typeof value === 'string' && value.trim() !== '' ? [value] : [];
}

/** What a story can wait for: other stories, requirements and roadmap items. */
function dependencyOptions(workspace: WorkspaceState): KeyOption[] {
  const stories = workspace.documents
    .filter((entry) => entry.type === 'story' && entry.key)
    .map((entry) => ({ key: entry.key!, title: entry.title }));
  const items = workspace.roadmap.map((item) => ({ key: item.key, title: `${item.title} — roadmap item` }));
  return [...stories, ...requirementOptions(workspace), ...items];
}

/** A key's title now: a document, a requirement or a roadmap item; undefined when nothing has it. */
function keyTitle(workspace: WorkspaceState, key: string): string | undefined {
  const document = workspace.byKey.get(key);
  if (document) return document.title;
  const owner = workspace.requirementOwner.get(key);
  if (owner) return owner.requirements.find((entry) => entry.key === key)?.summary || owner.title;
  return workspace.roadmapByKey.get(key)?.title;
}

export function PropertiesPanel({ type, fields, workspace, editable, onChange }: PropertiesPanelProps) {
  const statuses = documentStatuses[type];
  const status = typeof fields.status === 'string' ? fields.status : '';
  const ownFields = type === 'feedback' ? feedbackEdited : edited;
  const statusLabel = useId();
  const others = Object.entries(fields).filter(([name]) => !shownElsewhere.has(name) && !ownFields.has(name));
  return (
    <section className="properties" aria-label="Properties">
      {statuses.length > 0 && (
        <label className="property">
          <span id={statusLabel}>Status</span>
          <select
            aria-labelledby={statusLabel}
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
      {(type !== 'feedback' || fields.owner !== undefined) && (
        <TextProperty
          label="Owner"
          value={typeof fields.owner === 'string' ? fields.owner : ''}
          editable={editable}
          onCommit={(value) => onChange({ owner: value || undefined })}
        />
      )}
      {type === 'feedback' && (
        <FeedbackProperties fields={fields} workspace={workspace} editable={editable} onChange={onChange} />
      )}
      {type === 'story' && (
        <>
          <KeyListProperty
            label="Implements"
            keys={asList(fields.implements)}
            options={() => requirementOptions(workspace)}
            editable={editable}
            onChange={(keys) => onChange({ implements: keys })}
          />
          <KeyListProperty
            label="Depends on"
            keys={asList(fields.depends)}
            options={() => dependencyOptions(workspace).filter((option) => option.key !== fields.key)}
            describe={(key) => keyTitle(workspace, key)}
            editable={editable}
            onChange={(keys) => onChange({ depends: keys.length > 0 ? keys : undefined })}
          />
          <DesignLinksProperty
            entries={designEntries(fields.design)}
            editable={editable}
            onChange={(entries) => onChange({ design: entries.length > 0 ? entries : undefined })}
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
        <ReadOnlyProperty key={name} label={name}>
          {typeof value === 'object' ? JSON.stringify(value) : String(value as string)}
        </ReadOnlyProperty>
      ))}
    </section>
  );
}
