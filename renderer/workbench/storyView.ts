/**
 * Where a story opens from the navigator, the quick switcher and the roadmap: the engineer's view
 * (what to build) or the editor. Anyone in a read-only workspace gets the engineer's view; in a
 * writable one it is a choice, remembered in this browser (the Stories page offers it), the editor
 * by default for the PM who writes them.
 */
import { documentHash, storyHash } from './route.js';

export type StoryViewChoice = 'engineer' | 'editor';

const storageKey = 'specbench.storyView';

export function storyViewChoice(writable: boolean): StoryViewChoice {
  if (!writable) return 'engineer';
  try {
    return window.localStorage.getItem(storageKey) === 'engineer' ? 'engineer' : 'editor';
  } catch {
    return 'editor';
  }
}

export function chooseStoryView(choice: StoryViewChoice): void {
  try {
    window.localStorage.setItem(storageKey, choice);
  } catch {
    // Storage refused (a locked-down browser): the choice lasts until reload.
  }
  window.dispatchEvent(new Event('specbench-story-view'));
}

/** The hash a document opens at: a story in the view chosen; anything else in the editor. */
export function openHash(path: string, type: string | undefined, writable: boolean): string {
  return type === 'story' && storyViewChoice(writable) === 'engineer' ? storyHash(path) : documentHash(path);
}
