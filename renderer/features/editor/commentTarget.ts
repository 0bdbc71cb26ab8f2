/**
 * What "Comment" in a document's header comments on: the selected text (quoted, under its heading),
 * else the requirement the cursor is in (by key), else the heading above the cursor, else the document.
 */
import type { Editor } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { headingSlugger } from '../../../shared/model/headingAnchor.js';
import { maxQuoteLength } from '../../../shared/review/reviewFile.js';
import type { CommentTarget } from '../../workbench/comments.js';

export function commentTarget(editor: Editor, documentKey: string): CommentTarget {
  const { state } = editor;
  let { from, to } = state.selection;
  // A read-only editor may not follow the page's selection: read it from the DOM.
  const selection = window.getSelection();
  if (from === to && selection && !selection.isCollapsed && editor.view.dom.contains(selection.anchorNode)) {
    try {
      const anchor = editor.view.posAtDOM(selection.anchorNode!, selection.anchorOffset);
      const focus = editor.view.posAtDOM(selection.focusNode!, selection.focusOffset);
      from = Math.min(anchor, focus);
      to = Math.max(anchor, focus);
    } catch {
      // A selection ProseMirror cannot map: comment on the cursor's place instead.
    }
  }
  const heading = headingBefore(state.doc, from);
  const quote = state.doc.textBetween(from, to, ' ', ' ').replace(/\s+/g, ' ').trim();
  if (quote !== '') {
    const shown = quote.length > maxQuoteLength ? `${quote.slice(0, maxQuoteLength - 1)}…` : quote;
    const short = shown.length > 40 ? `${shown.slice(0, 39)}…` : shown;
    return {
      document: documentKey,
      anchor: { kind: 'text', quote: shown, ...(heading ? { slug: heading.slug } : {}) },
      label: heading ? `“${short}” in “${heading.text}”` : `“${short}”`,
    };
  }
  const $from = state.doc.resolve(from);
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    if (node.type.name === 'requirement' && typeof node.attrs.key === 'string' && node.attrs.key !== '')
      return { document: documentKey, anchor: { kind: 'key', key: node.attrs.key }, label: node.attrs.key };
  }
  if (heading)
    return {
      document: documentKey,
      anchor: { kind: 'heading', slug: heading.slug },
      label: `“${heading.text}”`,
    };
  return { document: documentKey, anchor: { kind: 'key', key: documentKey }, label: documentKey };
}

/** The last heading that starts before `position`, with its GitHub id among all the document's headings. */
function headingBefore(doc: ProseMirrorNode, position: number): { slug: string; text: string } | undefined {
  const slug = headingSlugger();
  let found: { slug: string; text: string } | undefined;
  doc.descendants((node, offset) => {
    if (node.type.name !== 'heading') return true;
    const id = slug(node.textContent);
    if (offset <= position) found = { slug: id, text: node.textContent.trim() };
    return false;
  });
  return found;
}
