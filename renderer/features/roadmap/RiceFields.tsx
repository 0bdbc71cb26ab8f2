/** RICE inputs and the score with its formula; saves a complete, valid set of inputs, or clears it when reach and effort are both emptied. */
import { useEffect, useId, useRef, useState } from 'react';
import type { Rice } from '../../../shared/model/roadmapModel.js';
import { confidenceValues, impactValues, riceScore } from '../../../shared/model/roadmapModel.js';
import { scoreFormat } from './RiceScore.js';

const impactLabels: Record<Rice['impact'], string> = {
  3: '3 — massive',
  2: '2 — high',
  1: '1 — medium',
  0.5: '0.5 — low',
  0.25: '0.25 — minimal',
};
const confidenceLabels: Record<Rice['confidence'], string> = {
  100: '100% — high',
  80: '80% — medium',
  50: '50% — low',
};

interface Draft {
  reach: string;
  impact: Rice['impact'];
  confidence: Rice['confidence'];
  effort: string;
}

function draftOf(rice: Rice | undefined): Draft {
  return {
    reach: rice ? String(rice.reach) : '',
    impact: rice?.impact ?? 1,
    confidence: rice?.confidence ?? 80,
    effort: rice ? String(rice.effort) : '',
  };
}

/** The draft as RICE inputs, or what is wrong with it. */
export function parseRice(draft: Draft): { rice: Rice } | { problem: string } {
  const reach = Number(draft.reach);
  const effort = Number(draft.effort);
  if (draft.reach.trim() === '' || !Number.isFinite(reach) || reach < 0)
    return { problem: 'Reach is a number of 0 or more.' };
  if (draft.effort.trim() === '' || !Number.isFinite(effort) || effort <= 0) {
    return { problem: 'Effort is a number of person-months above 0.' };
  }
  return { rice: { reach, impact: draft.impact, confidence: draft.confidence, effort } };
}

export function RiceFields({
  rice,
  readOnly,
  reachEvidence,
  onCommit,
}: {
  rice?: Rice;
  readOnly: boolean;
  /** The item's evidence ("3 notes from 2 customers"), shown beside Reach to estimate it from. */
  reachEvidence?: string | undefined;
  /** `null` removes the score from the item. */
  onCommit: (rice: Rice | null) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState(() => draftOf(rice));
  const editing = useRef(false);
  // A refresh brings a new object with the same inputs; only a real change, and only while the user
  // is not in these fields, may replace a half-typed draft (it used to undo an emptied Reach).
  const saved = JSON.stringify(rice ?? null);
  useEffect(() => {
    if (!editing.current) setDraft(draftOf((JSON.parse(saved) as Rice | null) ?? undefined));
  }, [saved]);
  const parsed = parseRice(draft);

  function commit(next: Draft) {
    setDraft(next);
    const result = parseRice(next);
    if ('rice' in result && JSON.stringify(result.rice) !== JSON.stringify(rice)) onCommit(result.rice);
    else if (rice && next.reach.trim() === '' && next.effort.trim() === '') onCommit(null);
  }

  return (
    <fieldset
      className="rice"
      disabled={readOnly}
      onFocus={() => (editing.current = true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) editing.current = false;
      }}
    >
      <legend className="rice__legend">RICE score</legend>
      <div className="rice__grid">
        <label htmlFor={`${id}-reach`}>Reach</label>
        <input
          id={`${id}-reach`}
          className="input"
          type="number"
          min={0}
          step="any"
          inputMode="numeric"
          aria-describedby={`${id}-reach-hint`}
          value={draft.reach}
          onChange={(event) => setDraft({ ...draft, reach: event.target.value })}
          onBlur={() => commit(draft)}
        />
        <span className="rice__hint" id={`${id}-reach-hint`}>
          people or events per quarter
          {reachEvidence && <span className="rice__evidence"> · evidence: {reachEvidence}</span>}
        </span>
        <label htmlFor={`${id}-impact`}>Impact</label>
        <select
          id={`${id}-impact`}
          className="select"
          value={draft.impact}
          onChange={(event) => commit({ ...draft, impact: Number(event.target.value) as Rice['impact'] })}
        >
          {impactValues.map((value) => (
            <option key={value} value={value}>
              {impactLabels[value]}
            </option>
          ))}
        </select>
        <span className="rice__hint">per person reached</span>
        <label htmlFor={`${id}-confidence`}>Confidence</label>
        <select
          id={`${id}-confidence`}
          className="select"
          value={draft.confidence}
          onChange={(event) =>
            commit({ ...draft, confidence: Number(event.target.value) as Rice['confidence'] })
          }
        >
          {confidenceValues.map((value) => (
            <option key={value} value={value}>
              {confidenceLabels[value]}
            </option>
          ))}
        </select>
        <span className="rice__hint">in the estimates</span>
        <label htmlFor={`${id}-effort`}>Effort</label>
        <input
          id={`${id}-effort`}
          className="input"
          type="number"
          min={0}
          step="any"
          aria-describedby={`${id}-effort-hint`}
          value={draft.effort}
          onChange={(event) => setDraft({ ...draft, effort: event.target.value })}
          onBlur={() => commit(draft)}
        />
        <span className="rice__hint" id={`${id}-effort-hint`}>
          person-months
        </span>
      </div>
      {'rice' in parsed ? (
        <p className="rice__score">
          <output aria-label="Score" className="rice__value">
            {scoreFormat.format(riceScore(parsed.rice))}
          </output>
          <span className="rice__formula">
            = {scoreFormat.format(parsed.rice.reach)} reach × {parsed.rice.impact} impact ×{' '}
            {parsed.rice.confidence}% confidence ÷ {scoreFormat.format(parsed.rice.effort)} effort
          </span>
        </p>
      ) : (
        <p className="rice__score rice__score--missing">
          {rice || draft.reach || draft.effort
            ? parsed.problem
            : 'Enter reach and effort to score this item.'}
        </p>
      )}
    </fieldset>
  );
}
