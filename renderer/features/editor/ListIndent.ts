/**
 * Tab in a list joins the sublist of the item above whatever its kind: ProseMirror's sinkListItem joins
 * it only when it is the same kind as the item's own list, so Tab under `1. First` with `- detail`
 * sublist made a new `1.` sublist. With no sublist above, an item Shift+Tab lifted out of a sublist
 * goes back into one of the kind it left, so Shift+Tab then Tab gives the file back byte for byte.
 */
import { Extension } from '@tiptap/core';
import { Fragment, Slice, type Attrs, type NodeRange, type NodeType } from '@tiptap/pm/model';
import { liftListItem } from '@tiptap/pm/schema-list';
import { Plugin, PluginKey, type EditorState, type Selection, type Transaction } from '@tiptap/pm/state';
import { ReplaceAroundStep } from '@tiptap/pm/transform';

const itemTypes = new Set(['listItem', 'taskItem']);
const listTypes = new Set(['bulletList', 'orderedList', 'taskList']);

/** The list an item was lifted out of by Shift+Tab: its kind, and where the item starts now. */
interface LiftedItem {
  start: number;
  list: NodeType;
  attrs: Attrs;
}

const liftedKey = new PluginKey<LiftedItem | null>('listIndent');

/** The run of list items the selection covers, in their list; none from a table or quote inside an item. */
function itemRange({ $from, $to }: Selection): NodeRange | null {
  if ($from.depth < 1 || !itemTypes.has($from.node($from.depth - 1).type.name)) return null;
  return $from.blockRange(
    $to,
    (node) =>
      node.childCount > 0 && listTypes.has(node.type.name) && itemTypes.has(node.firstChild!.type.name),
  );
}

/** Tab: the selected items into the item above's sublist, or a new sublist of the kind they came from. */
export function sinkIntoSublist(state: EditorState, dispatch?: (tr: Transaction) => void): boolean {
  const range = itemRange(state.selection);
  if (!range || range.startIndex === 0) return false;
  const { parent } = range;
  const nodeBefore = parent.child(range.startIndex - 1);
  if (!itemTypes.has(nodeBefore.type.name)) return false;
  const items = state.doc.slice(range.start, range.end).content;
  const sublist =
    nodeBefore.lastChild && listTypes.has(nodeBefore.lastChild.type.name) ? nodeBefore.lastChild : null;
  const lifted = liftedKey.getState(state);
  const remembered = lifted && lifted.start === range.start ? lifted : null;
  // The same kind as the item's own list: ProseMirror's sinkListItem does it.
  if (sublist ? sublist.type === parent.type : !remembered || remembered.list === parent.type) return false;
  if (sublist) {
    if (!sublist.canReplace(sublist.childCount, sublist.childCount, items)) return false;
  } else if (!remembered!.list.validContent(items)) return false;
  if (dispatch) {
    // ProseMirror's own step, with the sublist's kind in place of the item's list's.
    const inner = Fragment.from(sublist ? sublist.lastChild!.type.create() : null);
    const list = sublist
      ? sublist.type.create(sublist.attrs, inner)
      : remembered!.list.create(remembered!.attrs);
    const depth = sublist ? 3 : 1;
    const slice = new Slice(Fragment.from(nodeBefore.type.create(null, list)), depth, 0);
    const { start, end } = range;
    dispatch(
      state.tr.step(new ReplaceAroundStep(start - depth, end, start, end, slice, 1, true)).scrollIntoView(),
    );
  }
  return true;
}

/** Where Shift+Tab lifts items out of a sublist: the sublist's kind, to remember after the lift. */
function sublistOf(state: EditorState): { list: NodeType; attrs: Attrs } | undefined {
  const range = itemRange(state.selection);
  if (!range || range.depth < 2) return undefined;
  const around = range.$from.node(range.depth - 1);
  return itemTypes.has(around.type.name) ? { list: range.parent.type, attrs: range.parent.attrs } : undefined;
}

export const ListIndent = Extension.create({
  name: 'listIndent',
  // Before the list items' own Tab and Shift+Tab.
  priority: 200,

  addKeyboardShortcuts() {
    return {
      Tab: () => sinkIntoSublist(this.editor.state, (tr) => this.editor.view.dispatch(tr)),
      'Shift-Tab': () => {
        const { state, view } = this.editor;
        const from = sublistOf(state);
        const item = itemRange(state.selection)?.parent.firstChild?.type;
        if (!from || !item) return false;
        return liftListItem(item)(state, (tr) => {
          const range = itemRange(tr.selection);
          if (range && range.parent.type !== from.list)
            tr.setMeta(liftedKey, { start: range.start, ...from });
          view.dispatch(tr);
        });
      },
    };
  },

  addProseMirrorPlugins() {
    return [
      new Plugin<LiftedItem | null>({
        key: liftedKey,
        state: {
          init: () => null,
          apply: (tr, value) => {
            const set = tr.getMeta(liftedKey) as LiftedItem | undefined;
            if (set) return set;
            if (!value || !tr.docChanged) return value;
            const mapped = tr.mapping.mapResult(value.start, 1);
            return mapped.deleted ? null : { ...value, start: mapped.pos };
          },
        },
      }),
    ];
  },
});
