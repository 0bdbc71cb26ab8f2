/**
 * Where writing belongs when Enter leaves the Title field: the first paragraph of the body, or, when
 * the first section holds only a heading and its guidance, a new empty line under them (Notion and
 * Confluence put the cursor there too, never inside a heading).
 */
import type { Editor } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

export type BodyStart = { select: number } | { insertParagraphAt: number };

export function bodyStart(doc: ProseMirrorNode): BodyStart {
  let offset = 0;
  let sectionEnd: number | undefined;
  for (let index = 0; index < doc.childCount; index++) {
    const child = doc.child(index);
    if (child.type.name === 'heading') {
      // A second heading before any text: the first section is empty, write under its guidance.
      if (sectionEnd !== undefined) return { insertParagraphAt: sectionEnd };
      sectionEnd = offset + child.nodeSize;
    } else if (child.type.name === 'rawBlock') {
      if (sectionEnd !== undefined) sectionEnd = offset + child.nodeSize;
    } else {
      const inside = firstTextblock(child, offset);
      if (inside !== undefined) return { select: inside };
      if (sectionEnd !== undefined) sectionEnd = offset + child.nodeSize;
    }
    offset += child.nodeSize;
  }
  return { insertParagraphAt: sectionEnd ?? offset };
}

/** The first position inside a textblock that is not a heading, within `node` (at `offset`). */
function firstTextblock(node: ProseMirrorNode, offset: number): number | undefined {
  if (node.isTextblock) return node.type.name === 'heading' ? undefined : offset + 1;
  let found: number | undefined;
  node.descendants((child, position) => {
    if (found !== undefined) return false;
    if (child.isTextblock && child.type.name !== 'heading') found = offset + 1 + position + 1;
    return found === undefined;
  });
  return found;
}

/** Focuses the editor at `bodyStart`, adding the empty line when there is none to write on. */
export function moveToBodyStart(editor: Editor): void {
  // TipTap's focus() waits for the next frame; keys typed before it (a fast typist on a busy
  // machine) would still go to the field left behind. Focus now; the chain's focus then scrolls.
  editor.view.focus();
  const target = bodyStart(editor.state.doc);
  if ('select' in target) {
    editor.chain().focus().setTextSelection(target.select).run();
    return;
  }
  const at = target.insertParagraphAt;
  editor
    .chain()
    .focus()
    .insertContentAt(at, { type: 'paragraph' })
    .setTextSelection(at + 1)
    .run();
}
