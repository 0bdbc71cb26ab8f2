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

describe('repointText, a requirement’s roadmap= link', () => {
  const spec = [
    '---',
    'key: SPEC-1',
    '---',
    ':::requirement{#REQ-10 priority=must roadmap=RM-6,RM-15}\r',
    'Shoppers pay.',
    ':::',
    ':::requirement{#REQ-11 roadmap="RM-15"}',
    'Gift wrap.',
    ':::',
    '',
  ].join('\n');
  it.each<[string, number, string]>([
    ['in a list, only that key', 4, spec.replace('RM-6,RM-15}', 'RM-6,RM-16}')],
    ['quoted, kept quoted', 7, spec.replace('roadmap="RM-15"', 'roadmap="RM-16"')],
  ])('%s', (_name, line, expected) => {
    expect(repointText(spec, 'RM-15', 'RM-16', [line])).toEqual({ ok: true, text: expected });
  });
});
