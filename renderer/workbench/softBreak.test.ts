import { describe, expect, it } from 'vitest';
import { sharedCodec } from './sharedCodec.js';
import { softBreaksToNodes, softBreaksToText } from './softBreak.js';

const wrapped = [
  'A paragraph wrapped over\nthree lines, as specs are\n**bold across\na break** too.',
  '',
  '- an item wrapped\n  onto two lines',
  '',
  '```',
  'code keeps\nits newlines',
  '```',
  '',
].join('\n');

describe('soft line breaks in the editor', () => {
  it('become atoms shown as spaces, and come back as the same text', () => {
    const doc = sharedCodec().parse(wrapped).doc;
    const inEditor = softBreaksToNodes(doc);
    const breaks = JSON.stringify(inEditor).split('"softBreak"').length - 1;
    expect([breaks, JSON.stringify(softBreaksToText(inEditor)) === JSON.stringify(doc)]).toEqual([4, true]);
  });
});
