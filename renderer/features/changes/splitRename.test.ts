import { describe, expect, it } from 'vitest';
import type { GitFileChange } from '../../../shared/contract/gitViews.js';
import { splitRename, splitRenameWarning } from './splitRename.js';

const files: GitFileChange[] = [
  { path: 'specs/a.md', change: 'modified' },
  { path: 'stories/new.md', change: 'added' },
  { path: 'stories/old.md', change: 'deleted' },
];

describe('splitRename', () => {
  it.each([
    { leftOut: [], warning: undefined },
    { leftOut: ['stories/new.md', 'stories/old.md'], warning: undefined },
    { leftOut: ['specs/a.md'], warning: undefined },
    {
      leftOut: ['stories/new.md'],
      warning:
        'This commit deletes stories/old.md but leaves out the new file stories/new.md. If stories/new.md is stories/old.md under a new name, commit both together, or teammates who pull will lose the document.',
    },
    {
      leftOut: ['stories/old.md'],
      warning:
        'This commit adds stories/new.md but leaves out the deletion of stories/old.md. If stories/new.md is stories/old.md under a new name, commit both together, or teammates who pull will get it twice.',
    },
  ])('leaving out $leftOut', ({ leftOut, warning }) => {
    const split = splitRename(files, new Set(leftOut));
    expect(split && splitRenameWarning(split)).toEqual(warning);
  });
});
