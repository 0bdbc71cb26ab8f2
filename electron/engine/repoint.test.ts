import { describe, expect, it } from 'vitest';
import { repointText } from './repoint.js';

const story = [
  '---',
  'key: STORY-9',
  'type: story',
  'implements:',
  '  - REQ-15',
  '  - REQ-2',
  'reviewed: {REQ-15: 3f2a9c1e}',
  '---',
  'Saves the card, see [[REQ-15]] and [[REQ-15|the rule]].',
  '',
  'Unlike `[[REQ-15]]` in code, [[REQ-15]] here.',
  '',
].join('\n');

describe('repointText', () => {
  it.each<[string, number[], string]>([
    [
      'implements, with its review stamp',
      [5],
      story.replace('  - REQ-15', '  - REQ-16').replace('{REQ-15: 3f2a9c1e}', '{REQ-16: 3f2a9c1e}'),
    ],
    ['both links on one line', [9], story.replace('[[REQ-15]] and [[REQ-15|', '[[REQ-16]] and [[REQ-16|')],
    ['a link beside code, the code left alone', [11], story.replace('code, [[REQ-15]]', 'code, [[REQ-16]]')],
  ])('%s', (_name, lines, expected) => {
    expect(repointText(story, 'REQ-15', 'REQ-16', lines)).toEqual({ ok: true, text: expected });
  });

  it('refuses a line that does not link to the old key, changing nothing', () => {
    expect(repointText(story, 'REQ-15', 'REQ-16', [9, 10])).toEqual({ ok: false, line: 10 });
  });
});
