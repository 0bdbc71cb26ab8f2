/**
 * The jump-to mark on the heading or block a link opened the document at: a node decoration, so
 * ProseMirror keeps it through its own redraws (a class set on its DOM by hand is undone at once).
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';

const anchorHighlightKey = new PluginKey<DecorationSet>('anchorHighlight');

/**
 * How long the mark stays: as long as its fade (app.css `.anchor-target`), long enough that a reader
 * who looks up after the scroll still sees it (at 2.4 s it was gone before the eye got there).
 */
const markMilliseconds = 4000;

/** Gives `element` the jump-to mark for as long as its fade; returns what takes it away sooner. */
export function flashAnchorTarget(element: HTMLElement): () => void {
  element.classList.add('anchor-target');
  const timer = window.setTimeout(() => element.classList.remove('anchor-target'), markMilliseconds);
  return () => {
    window.clearTimeout(timer);
    element.classList.remove('anchor-target');
  };
}

export const AnchorHighlight = Extension.create({
  name: 'anchorHighlight',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: anchorHighlightKey,
        state: {
          init: () => DecorationSet.empty,
          apply: (tr, previous) => {
            const marked = tr.getMeta(anchorHighlightKey) as number | null | undefined;
            if (marked === null) return DecorationSet.empty;
            if (marked !== undefined) {
              const node = tr.doc.nodeAt(marked);
              if (!node) return DecorationSet.empty;
              return DecorationSet.create(tr.doc, [
                Decoration.node(marked, marked + node.nodeSize, { class: 'anchor-target' }),
              ]);
            }
            return previous.map(tr.mapping, tr.doc);
          },
        },
        props: { decorations: (state) => anchorHighlightKey.getState(state) },
      }),
    ];
  },
});

/** The position of the node `element` draws, if it is one of the document's nodes. */
function nodePositionOf(view: EditorView, element: HTMLElement): number | undefined {
  let inside: number;
  try {
    inside = view.posAtDOM(element, 0);
  } catch {
    return undefined;
  }
  const resolved = view.state.doc.resolve(inside);
  for (let depth = resolved.depth; depth > 0; depth--) {
    const position = resolved.before(depth);
    if (view.nodeDOM(position) === element) return position;
  }
  const after = resolved.nodeAfter ? inside : undefined;
  return after !== undefined && view.nodeDOM(after) === element ? after : undefined;
}

// A second jump before the first mark fades: the first mark's timer must not take away the second.
const unmarkTimers = new WeakMap<EditorView, number>();

/** Marks `element` a moment; an element that is not a node of its own (a card's header) gets the class itself. */
export function markAnchorTarget(view: EditorView, element: HTMLElement): void {
  window.clearTimeout(unmarkTimers.get(view));
  const position = nodePositionOf(view, element);
  if (position === undefined) {
    flashAnchorTarget(element);
    return;
  }
  view.dispatch(view.state.tr.setMeta(anchorHighlightKey, position).setMeta('addToHistory', false));
  const unmark = window.setTimeout(() => {
    if (!view.isDestroyed)
      view.dispatch(view.state.tr.setMeta(anchorHighlightKey, null).setMeta('addToHistory', false));
  }, markMilliseconds);
  unmarkTimers.set(view, unmark);
}
