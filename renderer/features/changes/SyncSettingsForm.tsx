/** This clone's own sync choices (its git config, not the shared workspace settings); both off by default. */
import { useEffect, useState } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type { SyncSettings } from '../../../shared/contract/gitViews.js';

const intervals = [0, 5, 15, 30, 60];

export function SyncSettingsForm({
  api,
  settings,
  onSaved,
}: {
  api: SpecbenchApi;
  settings: SyncSettings;
  onSaved: () => void;
}) {
  const [error, setError] = useState<string | undefined>(undefined);
  // The choice shows at once; git's answer (re-read through onSaved) confirms it or puts it back.
  const [shown, setShown] = useState(settings);
  useEffect(() => setShown(settings), [settings]);
  const save = async (change: Partial<SyncSettings>) => {
    setShown((current) => ({ ...current, ...change }));
    const result = await api.gitSetSyncSettings(change);
    setError(result.ok ? undefined : result.message);
    if (!result.ok) setShown(settings);
    onSaved();
  };
  const choices = intervals.includes(shown.syncMinutes) ? intervals : [...intervals, shown.syncMinutes];
  return (
    <fieldset className="sync-settings">
      <legend>Sync on this computer</legend>
      <label>
        <input
          type="checkbox"
          checked={shown.pullOnOpen}
          onChange={(event) => void save({ pullOnOpen: event.target.checked })}
        />{' '}
        Pull when Specbench opens
      </label>
      <label>
        Commit and push my changes{' '}
        <select
          value={shown.syncMinutes}
          onChange={(event) => void save({ syncMinutes: Number(event.target.value) })}
        >
          {choices.map((minutes) => (
            <option key={minutes} value={minutes}>
              {minutes === 0 ? 'only when I choose' : `every ${minutes} minutes`}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
