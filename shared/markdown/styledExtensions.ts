/**
 * The nodes and marks whose Markdown has more than one spelling (list markers, emphasis, headings,
 * rules), written in the style of the file being saved: `style()` is read at each render.
 */
import { type Extensions, type JSONContent } from '@tiptap/core';
import { Bold } from '@tiptap/extension-bold';
import { Heading } from '@tiptap/extension-heading';
import { HorizontalRule } from '@tiptap/extension-horizontal-rule';
import { Italic } from '@tiptap/extension-italic';
import { ListItem, TaskItem } from '@tiptap/extension-list';
import { Strike } from '@tiptap/extension-strike';
import stringWidth from 'string-width';
import { CodeInLink } from './extensions/codeInLink.js';
import { type MarkdownStyle } from './markdownStyle.js';
import { boxCharacter, customBox, taskAttributes } from './taskBox.js';

/** The item's first line with the style's marker in place of TipTap's `-` or `1.`. */
function restyleMarker(rendered: string, parentType: string | undefined, style: MarkdownStyle): string {
  if (parentType === 'orderedList') return rendered.replace(/^(\d{1,9})\./, `$1${style.orderedDelimiter}`);
  return rendered.replace(/^-(?= )/, style.bullet);
}

/** A level 1 or 2 heading on one line, underlined as wide as its text. */
function setext(level: number, text: string): string | undefined {
  if (level > 2 || text.includes('\n') || text.trim() === '') return undefined;
  return `${text}\n${(level === 1 ? '=' : '-').repeat(Math.max(3, stringWidth(text)))}`;
}

/** Registered before StarterKit, the marks in its order (bold, code, italic, strike), so JSON keeps its mark order. */
export function styledExtensions(style: () => MarkdownStyle): Extensions {
  return [
    Bold.extend({
      renderMarkdown: (node: JSONContent, helpers) => {
        const delimiter = style().strong;
        return `${delimiter}${helpers.renderChildren(node)}${delimiter}`;
      },
    }),
    CodeInLink,
    Italic.extend({
      renderMarkdown: (node: JSONContent, helpers) => {
        const delimiter = style().emphasis;
        return `${delimiter}${helpers.renderChildren(node)}${delimiter}`;
      },
    }),
    Strike,
    Heading.extend({
      renderMarkdown: (node: JSONContent, helpers) => {
        if (!node.content) return '';
        const level = Number(node.attrs?.level ?? 1);
        const text = helpers.renderChildren(node.content);
        const underlined = style().heading === 'setext' ? setext(level, text) : undefined;
        return underlined ?? `${'#'.repeat(level)} ${text}`;
      },
    }),
    HorizontalRule.extend({ renderMarkdown: () => style().rule }),
    ListItem.extend({
      renderMarkdown(node: JSONContent, helpers, context) {
        const rendered = (this.parent as (...args: unknown[]) => string)(node, helpers, context);
        return restyleMarker(rendered, context?.parentType ?? undefined, style());
      },
    }),
    TaskItem.extend({
      // A box's state character other than to do and done (`[?]`, `[-]`), kept as written.
      addAttributes() {
        return {
          ...this.parent?.(),
          marker: {
            default: null,
            keepOnSplit: false,
            parseHTML: (element: { getAttribute: (name: string) => string | null }) =>
              element.getAttribute('data-task'),
            renderHTML: (attributes: { marker?: string | null }) => {
              const custom = customBox(attributes);
              return custom ? { 'data-task': custom } : {};
            },
          },
        };
      },
      parseMarkdown(token, helpers) {
        const node = (this.parent as (...args: unknown[]) => JSONContent)(token, helpers);
        const box = typeof token.box === 'string' ? token.box : token.checked ? 'x' : ' ';
        return { ...node, attrs: { ...node.attrs, ...taskAttributes(box) } };
      },
      renderMarkdown(node: JSONContent, helpers, context) {
        const rendered = (this.parent as (...args: unknown[]) => string)(node, helpers, context);
        const boxed = rendered.replace(/^- \[[ x]\]/, `- [${boxCharacter(node.attrs)}]`);
        return restyleMarker(boxed, 'taskList', style());
      },
    }).configure({ nested: true }),
  ];
}
