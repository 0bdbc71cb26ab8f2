import { describe, expect, it } from 'vitest';
import type { GitStatusView } from '../../shared/contract/gitViews.js';
import { autoSyncAfter, type AutoSyncMessage } from './gitState.js';

const status: GitStatusView = {
  ahead: 0,
  behind: 0,
  remotes: ['origin'],
  hasCommits: true,
  files: [],
  outside: 0,
  settings: { pullOnOpen: false, syncMinutes: 5 },
};
const merging: GitStatusView = { ...status, operation: 'merge' };
const stopped: AutoSyncMessage = {
  text: 'Automatic sync stopped at a conflict: resolve it in Changes.',
  until: 'resolved',
};
const pulled: AutoSyncMessage = { text: 'Pulled when Specbench opened: Fast-forwarded.' };

describe('autoSyncAfter', () => {
  const cases: [
    string,
    AutoSyncMessage | undefined,
    GitStatusView | undefined,
    AutoSyncMessage | undefined,
  ][] = [
    ['a conflict message while the merge waits', stopped, merging, stopped],
    ['a conflict message once the merge is over', stopped, status, undefined],
    ['a conflict message while git cannot be read', stopped, undefined, stopped],
    ['a pull message stays until dismissed', pulled, status, pulled],
    ['no message', undefined, status, undefined],
  ];
  it.each(cases)('%s', (_name, message, current, expected) => {
    expect(autoSyncAfter(message, current)).toEqual(expected);
  });
});
