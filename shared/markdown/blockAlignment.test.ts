import { describe, expect, it } from 'vitest';
import { documentFingerprint, fingerprintOf, nodeFingerprint, sameBlocks } from './blockAlignment.js';

const paragraph = { type: 'paragraph', content: [{ type: 'text', text: 'a "quoted" \\ word' }] };
const frozen = Object.freeze({ type: 'heading', attrs: Object.freeze({ level: 2 }) });

describe('fingerprints built from the blocks are the whole JSON text', () => {
  it.each([
    ['plain document', { type: 'doc', content: [paragraph, frozen] }],
    ['no content', { type: 'doc' }],
    ['empty content', { type: 'doc', content: [] }],
    ['with attributes', { type: 'doc', attrs: { dir: 'rtl' }, content: [paragraph] }],
    ['content first', { content: [paragraph], type: 'doc' }],
    ['a hole in the content', { type: 'doc', content: [paragraph, null] }],
  ])('%s', (_name, doc) => {
    expect(documentFingerprint(doc as never)).toBe(fingerprintOf(doc));
  });

  it('remembers a frozen node, not one that can still change', () => {
    const open = { type: 'paragraph', content: [{ type: 'text', text: 'one' }] };
    const before = [nodeFingerprint(open), nodeFingerprint(frozen)];
    open.content[0]!.text = 'two';
    expect([nodeFingerprint(open), nodeFingerprint(frozen)]).toEqual([fingerprintOf(open), before[1]]);
  });
});

describe('sameBlocks answers what comparing the whole fingerprints answers', () => {
  const read = { type: 'doc', content: [paragraph, frozen] };
  const fingerprints = read.content.map((node) => fingerprintOf(node));
  it.each([
    ['the same blocks', { type: 'doc', content: [paragraph, frozen] }],
    ['equal copies of them', JSON.parse(JSON.stringify(read)) as object],
    ['one block edited', { type: 'doc', content: [paragraph, { ...frozen, attrs: { level: 3 } }] }],
    ['a block more', { type: 'doc', content: [paragraph, frozen, paragraph] }],
    ['a block fewer', { type: 'doc', content: [paragraph] }],
    ['blocks swapped', { type: 'doc', content: [frozen, paragraph] }],
    ['another type', { type: 'note', content: [paragraph, frozen] }],
    ['with attributes', { type: 'doc', attrs: { dir: 'rtl' }, content: [paragraph, frozen] }],
    ['content first', { content: [paragraph, frozen], type: 'doc' }],
    ['a hole in the content', { type: 'doc', content: [paragraph, null] }],
  ])('%s', (_name, doc) => {
    expect(sameBlocks(doc as never, 'doc', fingerprints)).toBe(
      documentFingerprint(doc as never) === fingerprintOf(read),
    );
  });
});
