import { describe, expect, it } from 'vitest';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { DecorationSet } from '@tiptap/pm/view';
import { sharedCodec } from '../../workbench/sharedCodec.js';
import { rerenderOnAttributeChange } from './rerenderOnAttributeChange.js';

const { schema } = sharedCodec();

function requirement(body: string, attrs: Record<string, unknown> = {}): ProseMirrorNode {
  return schema.nodes.requirement!.create(
    { key: 'REQ-1', priority: 'must', status: 'draft', roadmap: ['RM-1'], extra: [], ...attrs },
    schema.nodes.paragraph!.create(null, schema.text(body)),
  );
}

/** How many times React would be asked to re-render the card for an update from `before` to `after`. */
function renders(before: ProseMirrorNode, after: ProseMirrorNode): { renders: number; kept: boolean } {
  let count = 0;
  const kept = rerenderOnAttributeChange({
    oldNode: before,
    newNode: after,
    oldDecorations: [],
    newDecorations: [],
    oldInnerDecorations: DecorationSet.empty,
    innerDecorations: DecorationSet.empty,
    updateProps: () => count++,
  });
  return { renders: count, kept };
}

describe('rerenderOnAttributeChange', () => {
  const cases: [string, ProseMirrorNode, ProseMirrorNode, number][] = [
    ['a character typed in the body', requirement('Guests pay'), requirement('Guests pay.'), 0],
    ['the same node again', requirement('Guests pay'), requirement('Guests pay'), 0],
    [
      'an equal roadmap list in a new array',
      requirement('Guests pay', { roadmap: ['RM-1'] }),
      requirement('Guests pay', { roadmap: ['RM-1'] }),
      0,
    ],
    ['a new priority', requirement('Guests pay'), requirement('Guests pay', { priority: 'should' }), 1],
    ['a new status', requirement('Guests pay'), requirement('Guests pay', { status: 'approved' }), 1],
    [
      'a roadmap item added',
      requirement('Guests pay'),
      requirement('Guests pay', { roadmap: ['RM-1', 'RM-2'] }),
      1,
    ],
    ['a new key', requirement('Guests pay'), requirement('Guests pay', { key: 'REQ-2' }), 1],
  ];
  it.each(cases)('%s', (_name, before, after, expected) => {
    expect(renders(before, after)).toEqual({ renders: expected, kept: true });
  });
});
