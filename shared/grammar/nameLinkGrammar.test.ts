import { describe, expect, it } from 'vitest';
import { embedCaption } from './nameLinkGrammar.js';

describe('embedCaption: what an embed is captioned with, in the editor and in exports', () => {
  it.each<[string, { target: string; anchor?: string }, string]>([
    [
      'a block embed: the title alone, no block id',
      { target: 'Internal links', anchor: '^b15695' },
      'Internal links',
    ],
    [
      'a heading embed: the title and the heading',
      { target: 'Roadmap', anchor: 'Q2' },
      'Internal links › Q2',
    ],
    ['a whole note: its title', { target: 'Internal links' }, 'Internal links'],
    ['a block of the note itself: its title', { target: '', anchor: '^b15695' }, 'Internal links'],
  ])('%s', (_case, link, expected) => {
    expect(embedCaption(link, 'Internal links', 'Internal links')).toBe(expected);
  });
});
