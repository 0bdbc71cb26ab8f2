/**
 * Marks the words of a read-only text that another text lacks (one side of a conflict against the
 * other): each run as a <mark>, with its start and end said in words for screen readers too.
 */
import { Extension } from '@tiptap/core';
import type { JSONContent } from '@tiptap/core';
import type { Node } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { wordRuns } from '../../../shared/merge/readableChange.js';

/** A document's text, blocks on lines of their own, with each character's position (-1: a line break). */
function textOf(doc: Node): { text: string; positions: number[] } {
  let text = '';
  const positions: number[] = [];
  doc.descendants((node, position) => {
    if (node.isBlock && text !== '' && !text.endsWith('\n')) {
      text += '\n';
      positions.push(-1);
    }
    if (node.isText) {
      text += node.text!;
      for (let index = 0; index < node.text!.length; index++) positions.push(position + index);
    }
  });
  return { text, positions };
}

function hidden(text: string): HTMLElement {
  const span = document.createElement('span');
  span.className = 'visually-hidden';
  span.textContent = text;
  return span;
}

/** Ranges of consecutive positions, so a mark never spans a line break or a chip. */
function pieces(positions: readonly number[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const position of positions) {
    const last = ranges[ranges.length - 1];
    if (position === -1) continue;
    if (last && last[1] === position) last[1] = position + 1;
    else ranges.push([position, position + 1]);
  }
  return ranges;
}

export function differingWordDecorations(doc: Node, other: Node): DecorationSet {
  const [own, theirs] = [textOf(doc), textOf(other).text];
  const decorations: Decoration[] = [];
  let at = 0;
  for (const run of wordRuns(own.text, theirs)) {
    if (run.change === 'added') continue;
    const start = at;
    at += run.text.length;
    if (run.change !== 'removed' || run.text.trim() === '') continue;
    const lead = run.text.length - run.text.trimStart().length;
    const ranges = pieces(own.positions.slice(start + lead, start + run.text.trimEnd().length));
    if (ranges.length === 0) continue;
    for (const [from, to] of ranges) decorations.push(Decoration.inline(from, to, { nodeName: 'mark' }));
    decorations.push(Decoration.widget(ranges[0]![0], () => hidden('[only on this side: '), { side: -1 }));
    decorations.push(Decoration.widget(ranges[ranges.length - 1]![1], () => hidden(']'), { side: 1 }));
  }
  return DecorationSet.create(doc, decorations);
}

const differingWordsKey = new PluginKey<DecorationSet>('differingWords');

/** `other`: the document to compare with, as the codec parsed it. */
export const DifferingWords = Extension.create<{ other: JSONContent | undefined }>({
  name: 'differingWords',
  addOptions: () => ({ other: undefined }),
  addProseMirrorPlugins() {
    const other = this.options.other;
    if (!other) return [];
    return [
      new Plugin<DecorationSet>({
        key: differingWordsKey,
        state: {
          init: (_config, state) => differingWordDecorations(state.doc, state.schema.nodeFromJSON(other)),
          apply: (tr, previous) => previous.map(tr.mapping, tr.doc),
        },
        props: { decorations: (state) => differingWordsKey.getState(state) },
      }),
    ];
  },
});
