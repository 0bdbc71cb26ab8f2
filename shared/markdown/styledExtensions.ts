/**
 * The nodes and marks whose Markdown has more than one spelling (list markers, emphasis, headings,
 * rules), written in the style of the file being saved: `style()` is read at each render.
 */
import { type Extensions, type JSONContent, type MarkdownRendererHelpers } from '@tiptap/core';
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

// Stands on the line between blocks of a loose item while TipTap indents it, then is removed with that indent.
const blankLineMark = /[ \t]*\u{F8FF}blank/gu;

/**
 * TipTap sets a paragraph apart in an item but writes a code block, quote or list straight under the
 * text before it; in a loose item ("1. Open a terminal", blank line, indented fence) that blank line
 * is what makes it loose, so each such block gets one too.
 */
function withBlankLineBeforeBlocks(helpers: MarkdownRendererHelpers): MarkdownRendererHelpers {
  const wrapped = Object.create(helpers) as MarkdownRendererHelpers;
  wrapped.renderChild = (child: JSONContent, index: number) => {
    const rendered = helpers.renderChild?.(child, index) ?? helpers.renderChildren([child]);
    return child.type === 'paragraph' ? rendered : `\u{F8FF}blank\n${rendered}`;
  };
  return wrapped;
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
        const loose = Boolean((context?.meta?.parentAttrs as { loose?: boolean } | undefined)?.loose);
        const rendered = (this.parent as (...args: unknown[]) => string)(
          node,
          loose ? withBlankLineBeforeBlocks(helpers) : helpers,
          context,
        );
        return restyleMarker(rendered.replace(blankLineMark, ''), context?.parentType ?? undefined, style());
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
