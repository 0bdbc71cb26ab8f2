import { describe, expect, it } from 'vitest';
import { afterDownload } from './exportDownloads.js';

describe('afterDownload', () => {
  const cases: [string, 'completed' | 'cancelled' | 'interrupted', string, boolean, unknown][] = [
    [
      'a saved file, user asks to see it',
      'completed',
      '/home/a/SPEC-1.pdf',
      true,
      ['shown', ['SPEC-1.pdf'], ['/home/a/SPEC-1.pdf']],
    ],
    ['a saved file, user declines', 'completed', '/home/a/SPEC-1.pdf', false, ['kept', ['SPEC-1.pdf'], []]],
    ['the save dialog was cancelled', 'cancelled', '', true, ['none', [], []]],
    ['the write was interrupted', 'interrupted', '/home/a/SPEC-1.pdf', true, ['none', [], []]],
  ];
  it.each(cases)('%s', async (_name, state, savedPath, answer, expected) => {
    const asked: string[] = [];
    const shown: string[] = [];
    const outcome = await afterDownload(state, 'SPEC-1.pdf', savedPath, {
      offerShowInFolder: (fileName) => {
        asked.push(fileName);
        return Promise.resolve(answer);
      },
      showInFolder: (file) => shown.push(file),
    });
    expect([outcome, asked, shown]).toEqual(expected);
  });
});
