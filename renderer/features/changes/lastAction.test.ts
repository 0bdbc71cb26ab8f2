import { describe, expect, it } from 'vitest';
import { lineAt } from './lastAction.js';

describe('the last action’s line', () => {
  it.each([
    [
      'is anchored at the first moment it is shown at',
      { text: 'Pulled.', renumbered: [] },
      'main|0|0',
      'main|0|0',
    ],
    [
      'stays while the repository is where the action left it',
      { text: 'Pulled.', renumbered: [], moment: 'main|0|0' },
      'main|0|0',
      'main|0|0',
    ],
    [
      'goes once a commit (here or in a terminal) moved the branch',
      { text: 'Pulled.', renumbered: [], moment: 'main|0|0' },
      'main|1|0',
      undefined,
    ],
  ])('%s', (_case, line, moment, expected) => {
    expect(lineAt(line, moment)?.moment).toBe(expected);
  });
});
