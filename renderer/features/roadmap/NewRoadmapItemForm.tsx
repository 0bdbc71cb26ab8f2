/** The board's "New item" button and the short form it opens: title, lane and quarter. */
import { useId, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type { Lane } from '../../../shared/model/roadmapModel.js';
import { lanes } from '../../../shared/model/roadmapModel.js';
import { quarterOptions, quarterTitle } from './quarterTimeline.js';
import { laneTitles } from './roadmapLanes.js';

export interface NewRoadmapItemFormProps {
  api: SpecbenchApi;
  quarters: readonly (string | undefined)[];
  onCreated: (key: string) => void;
}

export function NewRoadmapItemForm({ api, quarters, onCreated }: NewRoadmapItemFormProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [lane, setLane] = useState<Lane>('later');
  const [quarter, setQuarter] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const options = useMemo(() => quarterOptions(quarters, new Date()), [quarters]);

  if (!open) {
    return (
      <button type="button" className="button button--primary" onClick={() => setOpen(true)}>
        New item
      </button>
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!title.trim() || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const result = await api.createRoadmapItem({
        title: title.trim(),
        lane,
        ...(quarter ? { quarter } : {}),
      });
      if (!result.ok) {
        setError(result.message);
        return;
      }
      setTitle('');
      setOpen(false);
      onCreated(result.item.key);
    } catch (thrown) {
      setError(thrown instanceof Error ? thrown.message : String(thrown));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="new-item-form" aria-label="New roadmap item" onSubmit={submit}>
      <label htmlFor={`${id}-title`} className="visually-hidden">
        New item title
      </label>
      <input
        id={`${id}-title`}
        className="input"
        placeholder="What should we build?"
        autoFocus
        required
        maxLength={500}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        onKeyDown={(event) => event.key === 'Escape' && setOpen(false)}
      />
      <select
        className="select"
        aria-label="Lane"
        value={lane}
        onChange={(event) => setLane(event.target.value as Lane)}
      >
        {lanes.map((name) => (
          <option key={name} value={name}>
            {laneTitles[name]}
          </option>
        ))}
      </select>
      <select
        className="select"
        aria-label="Quarter"
        value={quarter}
        onChange={(event) => setQuarter(event.target.value)}
      >
        <option value="">No quarter</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {quarterTitle(option)}
          </option>
        ))}
      </select>
      <button type="submit" className="button button--primary" disabled={busy || !title.trim()}>
        Create
      </button>
      <button type="button" className="button button--quiet" onClick={() => setOpen(false)}>
        Cancel
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
