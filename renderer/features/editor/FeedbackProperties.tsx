/** A feedback note's own header fields: where the evidence came from, who gave it, when, its address and what it is evidence for. */
import { useId } from 'react';
import { feedbackSources } from '../../../shared/model/documentModel.js';
import { WebAddressLink } from '../../ui/WebAddressLink.js';
import { webAddress } from '../../ui/webAddress.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import type { KeyOption } from './KeyPicker.js';
import { KeyListProperty, asList } from './KeyListProperty.js';
import { dateProblem, urlProblem } from './feedbackFieldProblems.js';
import { ReadOnlyProperty } from './ReadOnlyProperty.js';
import { TextProperty } from './TextProperty.js';

/** The header fields this component shows, so the generic list does not show them again. */
export const feedbackFields = ['source', 'customer', 'segment', 'date', 'url', 'about'] as const;

interface FeedbackPropertiesProps {
  fields: Record<string, unknown>;
  workspace: WorkspaceState;
  editable: boolean;
  onChange: (changes: Record<string, unknown>) => void;
}

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value as string);
}

/** Roadmap items, then requirements: what a note can be evidence for. */
function evidenceTargets(workspace: WorkspaceState): KeyOption[] {
  const items = workspace.roadmap.map((item) => ({ key: item.key, title: `${item.title} — roadmap item` }));
  const requirements = workspace.documents.flatMap((entry) =>
    entry.type === 'spec'
      ? entry.requirements.map((requirement) => ({
          key: requirement.key,
          title: `${requirement.summary || entry.title} — requirement in ${entry.key ?? entry.title}`,
        }))
      : [],
  );
  return [...items, ...requirements];
}

export function FeedbackProperties({ fields, workspace, editable, onChange }: FeedbackPropertiesProps) {
  const source = text(fields.source);
  const url = text(fields.url);
  const set = (name: string) => (value: string) => onChange({ [name]: value || undefined });
  const sourceLabel = useId();
  return (
    <>
      {editable ? (
        <label className="property">
          <span id={sourceLabel}>Source</span>
          <select
            aria-labelledby={sourceLabel}
            value={source}
            onChange={(event) => set('source')(event.target.value)}
          >
            {!(feedbackSources as readonly string[]).includes(source) && (
              <option value={source}>{source || '—'}</option>
            )}
            {feedbackSources.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <ReadOnlyProperty label="Source">{source || '—'}</ReadOnlyProperty>
      )}
      {(['customer', 'segment'] as const).map((name) => (
        <TextProperty
          key={name}
          label={name === 'customer' ? 'Customer' : 'Segment'}
          value={text(fields[name])}
          editable={editable}
          onCommit={set(name)}
          readOnlyView={text(fields[name]) || '—'}
        />
      ))}
      <TextProperty
        label="Date"
        value={text(fields.date)}
        editable={editable}
        onCommit={set('date')}
        validate={dateProblem}
        className="property--narrow"
        placeholder="YYYY-MM-DD"
        readOnlyView={text(fields.date) || '—'}
      />
      <TextProperty
        label="URL"
        value={url}
        editable={editable}
        onCommit={set('url')}
        validate={urlProblem}
        className="property--wide"
        placeholder="https://…"
        readOnlyView={url ? <WebAddressLink address={url} /> : '—'}
        after={webAddress(url) && <WebAddressLink address={url} text="Open" />}
      />
      <KeyListProperty
        label="Evidence for"
        keys={asList(fields.about)}
        options={() => evidenceTargets(workspace)}
        editable={editable}
        // A note linked from its own header leaves the inbox as it does after a triage link.
        onChange={(keys) =>
          onChange({
            about: keys,
            ...(keys.length > 0 && fields.status === 'new' ? { status: 'triaged' } : {}),
          })
        }
      />
    </>
  );
}
