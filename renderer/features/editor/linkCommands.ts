/** Adding and removing links on the selected text: a `[[KEY|text]]` reference, or a web or mail link. */
import { getMarkRange, type Editor } from '@tiptap/core';
import { isAllowedLink } from '../../../shared/markdown/markdownExtensions.js';

export interface TextRange {
  from: number;
  to: number;
}

export type LinkTarget = { key: string } | { href: string };

/**
 * What was typed as a web or mail address, made whole (`example.com/a` → `https://example.com/a`);
 * undefined when it does not look like one. A scheme other than http, https or mailto is refused.
 */
export function webAddress(typed: string): { href: string } | { refused: string } | undefined {
  const text = typed.trim();
  if (text === '' || /\s/.test(text)) return undefined;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text);
  if (scheme) {
    if (!isAllowedLink(text)) return { refused: scheme[1]!.toLowerCase() };
    return /^mailto:[^@\s]+@[^@\s]+$/i.test(text) || /^https?:\/\/[^/\s]+/i.test(text)
      ? { href: text }
      : undefined;
  }
  if (/^[^@\s/]+@[^@\s/]+\.[a-z]{2,}$/i.test(text)) return { href: `mailto:${text}` };
  if (/^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?::\d+)?(?:[/?#]\S*)?$/i.test(text)) {
    return { href: `https://${text}` };
  }
  return undefined;
}

/** The text a link will cover: the selection, or the whole web link the cursor sits in. */
export function linkRange(editor: Editor): TextRange {
  const { from, to, empty, $from } = editor.state.selection;
  const mark = editor.schema.marks.link;
  const around = empty && mark ? getMarkRange($from, mark) : undefined;
  return around ?? { from, to };
}

/** The web link the selection sits in, if any. */
export function linkAt(editor: Editor): string | undefined {
  const href = editor.getAttributes('link').href as unknown;
  return typeof href === 'string' ? href : undefined;
}

/** Why a key link cannot replace this range, or undefined when it can (one paragraph's text). */
export function keyLinkProblem(editor: Editor, range: TextRange): string | undefined {
  const { doc } = editor.state;
  const from = doc.resolve(range.from);
  const to = doc.resolve(range.to);
  if (from.parent !== to.parent || !from.parent.isTextblock) {
    return 'A link to a document replaces text within one paragraph: select less, or link from the toolbar with nothing selected.';
  }
  return undefined;
}

/**
 * Links the range: a key becomes a reference labelled with the selected text (none when nothing, or
 * only the key, was selected); an address becomes a link mark over the text, or its own text when
 * nothing was selected. The cursor ends after the link.
 */
export function applyLink(editor: Editor, range: TextRange, target: LinkTarget): void {
  const chain = editor.chain().focus();
  if ('key' in target) {
    const selected = editor.state.doc.textBetween(range.from, range.to, ' ', ' ');
    // A label cannot hold brackets or line breaks: `[[KEY|label]]` ends at the first `]`.
    const label = selected.replace(/[[\]]/g, '').replace(/\s+/g, ' ').trim();
    chain
      .insertContentAt(range, {
        type: 'reference',
        attrs: {
          target: target.key,
          anchor: null,
          label: label === '' || label === target.key ? null : label,
        },
      })
      .run();
    return;
  }
  if (range.from === range.to) {
    chain
      .insertContentAt(range.from, {
        type: 'text',
        text: target.href,
        marks: [{ type: 'link', attrs: { href: target.href } }],
      })
      .unsetMark('link')
      .run();
    return;
  }
  chain.setTextSelection(range).setLink({ href: target.href }).setTextSelection(range.to).run();
}

/** Takes the link off the text the selection sits in (the whole link, not just the selected part). */
export function removeLink(editor: Editor, range: TextRange): void {
  editor.chain().focus().setTextSelection(range).extendMarkRange('link').unsetLink().run();
}
