/** "Open stories in: Engineer view | Editor", remembered in this browser (a read-only workspace always uses the engineer view). */
import { useState } from 'react';
import {
  chooseStoryView,
  storyViewChoice,
  type StoryViewChoice as Choice,
} from '../../workbench/storyView.js';

export function StoryViewChoice() {
  const [choice, setChoice] = useState<Choice>(() => storyViewChoice(true));
  const pick = (next: Choice) => {
    chooseStoryView(next);
    setChoice(next);
  };
  return (
    <div className="story-view-choice" role="group" aria-label="Open stories in">
      <span className="muted">Open stories in</span>
      <button type="button" aria-pressed={choice === 'engineer'} onClick={() => pick('engineer')}>
        Engineer view
      </button>
      <button type="button" aria-pressed={choice === 'editor'} onClick={() => pick('editor')}>
        Editor
      </button>
    </div>
  );
}
