import { describe, expect, it } from 'vitest';
import { canKeepBoth } from './canKeepBoth.js';

describe('canKeepBoth', () => {
  it('offers Keep both for Markdown body blocks only', () => {
    const cases: [string, string][] = [
      ['specs/a.md', 'REQ-2'],
      ['notes/B.Markdown', 'paragraph'],
      ['specs/a.md', 'front matter: status'],
      ['roadmap.json', 'RM-3'],
    ];
    expect(cases.map(([file, what]) => canKeepBoth(file, what))).toEqual([true, true, false, false]);
  });
});
