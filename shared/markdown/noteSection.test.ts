import { describe, expect, it } from 'vitest';
import { noteSection } from './noteSection.js';

const note = [
  '---',
  'title: Plan',
  '---',
  '# Plan',
  '',
  'Intro.',
  '',
  '## Release plan',
  '',
  'Ship in **May**.',
  '',
  '### Risks',
  'Few.',
  '',
  '## Later',
  'A claim worth quoting. ^claim-1',
  '',
  '- item one',
  '- item two',
  '',
  '^list-1',
  '',
  'For example:',
  '',
  '```md',
  '# Example heading',
  'A quoted line. ^in-example',
  '```',
  '',
].join('\n');

describe('noteSection', () => {
  it.each<[string, string | undefined, string | undefined]>([
    ['the whole note without front matter', undefined, note.split('---\n')[2]!.trimStart()],
    ['a heading, up to the end of the note', 'Later', note.slice(note.indexOf('## Later')).trimEnd()],
    [
      'a heading by its text, down to the next as high',
      'Release plan',
      '## Release plan\n\nShip in **May**.\n\n### Risks\nFew.',
    ],
    ['a heading by its GitHub id', 'release-plan', '## Release plan\n\nShip in **May**.\n\n### Risks\nFew.'],
    ['a heading by its Obsidian path', 'Release plan#Risks', '### Risks\nFew.'],
    ['a block id ending a line', '^claim-1', 'A claim worth quoting.'],
    ['a block id after a list', '^list-1', '- item one\n- item two'],
    ['a heading that is not there', 'Budget', undefined],
    ['a block that is not there', '^nope', undefined],
    ['a block id only inside a code fence', '^in-example', undefined],
    ['a heading only inside a code fence', 'Example heading', undefined],
  ])('%s', (_name, anchor, expected) => {
    expect(noteSection(note, anchor)?.markdown).toBe(expected);
  });
});
