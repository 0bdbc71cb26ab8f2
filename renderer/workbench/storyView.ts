/**
 * Where a story opens from the navigator, the quick switcher and the roadmap: the engineer's view
 * (what to build) or the editor. Anyone in a read-only workspace gets the engineer's view; in a
 * writable one it is a choice, remembered in this browser (the Stories page offers it), the editor
 * by default for the PM who writes them.
 */
import { useEffect, useState } from 'react';
import { documentHash, keyHash, storyHash, storyKeyHash, type StoryView } from './route.js';

export type StoryViewChoice = StoryView;

const storageKey = 'specbench.storyView';
const changeEvent = 'specbench-story-view';

export function storyViewChoice(writable: boolean): StoryViewChoice {
  if (!writable) return 'engineer';
  try {
    return window.localStorage.getItem(storageKey) === 'engineer' ? 'engineer' : 'editor';
  } catch {
    return 'editor';
  }
}

/** The choice, re-read when it changes, for a view whose links depend on it. */
export function useStoryViewChoice(writable: boolean): StoryViewChoice {
  const [, setChanges] = useState(0);
  useEffect(() => {
    const onChange = () => setChanges((count) => count + 1);
    window.addEventListener(changeEvent, onChange);
    return () => window.removeEventListener(changeEvent, onChange);
  }, []);
  return storyViewChoice(writable);
}

export function chooseStoryView(choice: StoryViewChoice): void {
  try {
    window.localStorage.setItem(storageKey, choice);
  } catch {
    // Storage refused (a locked-down browser): the choice lasts until reload.
  }
  window.dispatchEvent(new Event(changeEvent));
}

/**
 * The hash a document opens at: its key where it has one (a story's key opens the view chosen), else
 * a story in the view chosen and anything else in the editor. `byKey` tells a duplicate key's loser.
 */
export function openHash(
  document: { path: string; type?: string | undefined; key?: string | undefined },
  writable: boolean,
  byKey?: ReadonlyMap<string, { path: string }>,
): string {
  const { path, type, key } = document;
  if (key && (!byKey || byKey.get(key)?.path === path)) return keyHash(key);
  return type === 'story' && storyViewChoice(writable) === 'engineer' ? storyHash(path) : documentHash(path);
}

/**
 * A story in one view on purpose (the engineer view's Edit, the editor's Engineer view): its key, with
 * the view named where the key would open the other one; its path route only without a key of its own.
 */
export function storyViewHash(
  story: { path: string; key?: string | undefined },
  view: StoryViewChoice,
  writable: boolean,
  byKey?: ReadonlyMap<string, { path: string }>,
): string {
  const { path, key } = story;
  if (key && (!byKey || byKey.get(key)?.path === path))
    return storyKeyHash(key, view, storyViewChoice(writable));
  return view === 'engineer' ? storyHash(path) : documentHash(path);
}
