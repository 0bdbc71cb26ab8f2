/**
 * The code mark's edges. Text typed at the end of a code span goes after it, as in Obsidian,
 * Notion and GitHub's editor (`null` then " (edited)" is not `null (edited)`), unless the code was
 * being typed right there (after the toolbar's `</>`, or on through a Backspace). Code inside a
 * link (`` [`foo`](url) ``, as RFCs and API docs write it) ends with its link the same way.
 * ArrowRight at the end of a line ending in code leaves the code without typing a space (TipTap's
 * exitable mark inserts one, a byte the user never typed). Text composed with an input method lands
 * where typed text would, and the toolbar's `</>` shows and toggles what the next character will be.
 */
import { Code } from '@tiptap/extension-code';
import type { Mark, Node as ProseMirrorNode } from '@tiptap/pm/model';
import { type EditorState, Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';

const hasCode = (marks: readonly Mark[]) => marks.some((mark) => mark.type.name === 'code');
const withoutCode = (marks: readonly Mark[]) => marks.filter((mark) => mark.type.name !== 'code');

/** Whether `position` is just after a code span: code before it and none after. */
function endsCodeSpan(doc: ProseMirrorNode, position: number): boolean {
  const $position = doc.resolve(position);
  if ($position.textOffset > 0) return false;
  const before = $position.nodeBefore;
  const after = $position.nodeAfter;
  return Boolean(before && hasCode(before.marks) && !(after && hasCode(after.marks)));
}

/**
 * The marks a character typed at `position` takes: the text's before it, but no code that ends
 * with a link, and none at the end of a code span unless `continuing` (the code was being typed there).
 */
export function typingMarks(doc: ProseMirrorNode, position: number, continuing = false): readonly Mark[] {
  const $position = doc.resolve(position);
  const marks = $position.marks();
  const before = $position.nodeBefore;
  const endsLink =
    before?.marks.some((mark) => mark.type.name === 'link') &&
    !marks.some((mark) => mark.type.name === 'link');
  return endsLink || (!continuing && endsCodeSpan(doc, position)) ? withoutCode(marks) : marks;
}

/** Where code is being typed: the end of the span the last typing (or its Backspace) left the caret at. */
const typingKey = new PluginKey<number | null>('codeSpanTyping');

function continuingAt(state: EditorState): number | null {
  return typingKey.getState(state) ?? null;
}

/** The marks the next character typed at the caret takes, or undefined when text is selected. */
function nextTypedMarks(state: EditorState): readonly Mark[] | undefined {
  const { selection } = state;
  if (!selection.empty) return undefined;
  const continuing = continuingAt(state) === selection.head;
  return state.storedMarks ?? typingMarks(state.doc, selection.head, continuing);
}

/** Whether the next character typed at the caret is code; undefined when text is selected. */
export function typesCode(state: EditorState): boolean | undefined {
  const marks = nextTypedMarks(state);
  return marks && hasCode(marks);
}

/** At the end of a code span the browser composes into the code; the marks typing would take are stored first. */
function composeAsTyped(state: EditorState): Transaction | undefined {
  const marks = nextTypedMarks(state);
  if (!marks || state.storedMarks || marks.length === state.selection.$head.marks().length) return undefined;
  return state.tr.setStoredMarks(marks);
}

const codeSpanTyping = new Plugin<number | null>({
  key: typingKey,
  state: {
    init: () => null,
    apply(tr, value, oldState, newState) {
      const { selection } = newState;
      if (!tr.docChanged) return selection.empty && selection.head === value ? value : null;
      if (!selection.empty || !endsCodeSpan(newState.doc, selection.head)) return null;
      const typedCode = oldState.storedMarks ? hasCode(oldState.storedMarks) : false;
      const carriedOn = value !== null && tr.mapping.map(value) === selection.head;
      return typedCode || carriedOn ? selection.head : null;
    },
  },
  props: {
    handleTextInput(view, from, to, text) {
      const { state } = view;
      if (from !== to || state.storedMarks) return false;
      const marks = typingMarks(state.doc, from, continuingAt(state) === from);
      if (marks.length === state.doc.resolve(from).marks().length) return false;
      view.dispatch(state.tr.setStoredMarks(marks).insertText(text, from, to));
      return true;
    },
    handleDOMEvents: {
      // ProseMirror's own compositionstart, which runs next, wraps the caret in stored marks.
      compositionstart(view) {
        const stored = view.composing ? undefined : composeAsTyped(view.state);
        if (stored) view.dispatch(stored);
        return false;
      },
    },
  },
});

/** ArrowRight at the end of a line ending in code: the next character typed is plain, and nothing is inserted. */
function leaveCodeAtLineEnd(state: EditorState): Mark[] | undefined {
  const { selection } = state;
  if (!selection.empty || selection.$head.pos !== selection.$head.end()) return undefined;
  const marks = state.storedMarks ?? selection.$head.marks();
  return hasCode(marks) ? withoutCode(marks) : undefined;
}

/** Code beside bold, emphasis and links (GitHub shows all three); typing at its end is plain text. */
export const CodeInLink = Code.extend({
  excludes: 'code',
  exitable: false,
  addKeyboardShortcuts() {
    return {
      ...this.parent?.(),
      ArrowRight: () => {
        const plain = leaveCodeAtLineEnd(this.editor.state);
        if (!plain) return false;
        this.editor.view.dispatch(this.editor.state.tr.setStoredMarks(plain));
        return true;
      },
    };
  },
  addCommands() {
    return {
      ...this.parent?.(),
      // At the end of a code span the caret's marks hold code but typing leaves it: toggle what typing does.
      toggleCode:
        () =>
        ({ state, tr, dispatch, commands }) => {
          const typed = typesCode(state);
          if (typed === undefined) return commands.toggleMark(this.name);
          const marks = nextTypedMarks(state)!;
          if (dispatch)
            tr.setStoredMarks(typed ? withoutCode(marks) : this.type.create().addToSet(marks as Mark[]));
          return true;
        },
    };
  },
  addProseMirrorPlugins() {
    return [...(this.parent?.() ?? []), codeSpanTyping];
  },
});
