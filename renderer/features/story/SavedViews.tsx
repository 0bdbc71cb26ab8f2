/**
 * Saved views above the Stories table: the built-in ones ("Ready for Now": ready stories delivering
 * Now items) and the user's own, each a link to its filter (so it can be shared, bookmarked, reloaded).
 * The user's views are kept in this browser, per workspace folder.
 */
import { useState } from 'react';
import {
  builtInStoryViews,
  sameFilter,
  storiesHash,
  type StoryFilter,
  type StoryView,
} from '../../workbench/storyFilter.js';

function storageKey(workspaceName: string): string {
  return `specbench.storyViews.${workspaceName}`;
}

function readViews(workspaceName: string): StoryView[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(storageKey(workspaceName)) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter(
          (view): view is StoryView =>
            typeof view === 'object' && view !== null && typeof (view as StoryView).name === 'string',
        )
      : [];
  } catch {
    return [];
  }
}

export function SavedViews({ filter, workspaceName }: { filter: StoryFilter; workspaceName: string }) {
  const [own, setOwn] = useState<StoryView[]>(() => readViews(workspaceName));
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const store = (views: StoryView[]) => {
    setOwn(views);
    try {
      window.localStorage.setItem(storageKey(workspaceName), JSON.stringify(views));
    } catch {
      // Storage refused: the views last until reload.
    }
  };
  const all = [...builtInStoryViews, ...own];
  const current = all.find((view) => sameFilter(view.filter, filter));
  const canSave = Object.keys(filter).length > 0 && !current;
  return (
    <nav className="saved-views" aria-label="Saved views">
      <a
        href={storiesHash()}
        className="view-chip"
        aria-current={Object.keys(filter).length === 0 ? 'page' : undefined}
      >
        All stories
      </a>
      {all.map((view) => (
        <span key={view.name} className="view-chip-group">
          <a
            href={storiesHash(view.filter)}
            className="view-chip"
            aria-current={view === current ? 'page' : undefined}
          >
            {view.name}
          </a>
          {own.includes(view) && (
            <button
              type="button"
              className="view-chip-remove"
              aria-label={`Remove saved view ${view.name}`}
              onClick={() => store(own.filter((other) => other !== view))}
            >
              ×
            </button>
          )}
        </span>
      ))}
      {canSave && !naming && (
        <button type="button" className="button subtle" onClick={() => setNaming(true)}>
          Save view…
        </button>
      )}
      {canSave && naming && (
        <form
          className="save-view"
          onSubmit={(event) => {
            event.preventDefault();
            const trimmed = name.trim();
            if (!trimmed || all.some((view) => view.name === trimmed)) return;
            store([...own, { name: trimmed, filter }]);
            setNaming(false);
            setName('');
          }}
        >
          <input
            autoFocus
            aria-label="View name"
            placeholder="View name"
            value={name}
            maxLength={60}
            onChange={(event) => setName(event.target.value)}
            onKeyDown={(event) => event.key === 'Escape' && setNaming(false)}
          />
          <button
            type="submit"
            className="button primary"
            disabled={!name.trim() || all.some((view) => view.name === name.trim())}
          >
            Save
          </button>
        </form>
      )}
    </nav>
  );
}
