/** The editor's extensions: the codec's schema plus React node views, undo, placeholders and image URLs. */
import type { Editor, Extensions, JSONContent } from '@tiptap/core';
import { Placeholder, UndoRedo } from '@tiptap/extensions';
import { ReactNodeViewRenderer, type ReactNodeViewProps } from '@tiptap/react';
import { createElement } from 'react';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { EditorView } from '@tiptap/pm/view';
import { AnchorHighlight } from './AnchorHighlight.js';
import { displaySource } from './assetPaths.js';
import { CalloutView } from './CalloutView.js';
import { codeBlockView, MermaidEditing } from './codeBlockView.js';
import { DetailsView } from './DetailsView.js';
import { EmbedView } from './EmbedView.js';
import { BrokenLinks } from './BrokenLinks.js';
import { MarkdownDecorations } from './markdownDecorations.js';
import { RawInlineView } from './RawInlineView.js';
import { ReactSelectionOptOut } from './ReactSelectionOptOut.js';
import { SelectionCatchUp } from './SelectionCatchUp.js';
import { CaretAfterTyping } from './CaretAfterTyping.js';
import { RawSourceBlock } from './RawSourceBlock.js';
import { ReferenceChip } from './ReferenceChip.js';
import { RequirementCard } from './RequirementCard.js';
import { rerenderOnAttributeChange } from './rerenderOnAttributeChange.js';
import { SoftBreak } from '../../workbench/softBreak.js';
import { MarkdownLinkInputRule } from './markdownLinkInputRule.js';
import { MarkdownPaste } from './MarkdownPaste.js';
import { ListIndent } from './ListIndent.js';
import { guidanceFor } from './sectionGuidance.js';
import { TemplateExamples } from './TemplateExamples.js';
import { CommentQuotes } from './CommentQuotes.js';
import { WikiLinkChip } from './WikiLinkChip.js';
import { TextDirection } from './TextDirection.js';
import { taskItemView } from './taskItemView.js';
import { sharedCodec } from '../../workbench/sharedCodec.js';

/** The heading text of the top-level section that contains `pos`. */
function headingBefore(doc: ProseMirrorNode, pos: number): string | undefined {
  let heading: string | undefined;
  doc.forEach((child, offset) => {
    if (offset >= pos) return;
    if (child.type.name === 'heading') heading = child.textContent;
  });
  return heading;
}

export function createEditorExtensions(
  /** The document's path, or a function answering it now (a move to another folder keeps the editor). */
  documentPathOf: string | (() => string),
  /** The open document's template examples (`TemplateExamples`). */
  examples: () => ReadonlyMap<string, string> | undefined = () => undefined,
  /** The texts open review threads quote (`CommentQuotes`). */
  quotes: () => readonly string[] = () => [],
  /** Why a Markdown link's target cannot be opened (`BrokenLinks`), or undefined when it can. */
  linkProblem: (href: string) => string | undefined = () => undefined,
  /** An image's source as the workspace finds it (`locateImageSource`): a bare file name by name. */
  imageSource: (source: string) => string = (source) => source,
): Extensions {
  const documentPath = typeof documentPathOf === 'string' ? () => documentPathOf : documentPathOf;
  const extended = sharedCodec().extensions.map((extension) => {
    switch (extension.name) {
      case 'requirement':
        return extension.extend({
          addNodeView: () => ReactNodeViewRenderer(RequirementCard, { update: rerenderOnAttributeChange }),
        });
      case 'reference':
        return extension.extend({ addNodeView: () => ReactNodeViewRenderer(ReferenceChip, { as: 'span' }) });
      case 'rawBlock':
        return extension.extend({
          // Its HTML's images load from the workspace relative to this document, as Markdown images do.
          addNodeView: () =>
            ReactNodeViewRenderer((props: ReactNodeViewProps) =>
              createElement(RawSourceBlock, { ...props, documentPath: documentPath() }),
            ),
        });
      case 'rawInline':
        return extension.extend({ addNodeView: () => ReactNodeViewRenderer(RawInlineView, { as: 'span' }) });
      case 'wikiLink':
        return extension.extend({ addNodeView: () => ReactNodeViewRenderer(WikiLinkChip, { as: 'span' }) });
      case 'embed':
        return extension.extend({ addNodeView: () => ReactNodeViewRenderer(EmbedView, { as: 'span' }) });
      case 'callout':
        return extension.extend({
          addNodeView: () => ReactNodeViewRenderer(CalloutView, { update: rerenderOnAttributeChange }),
        });
      case 'details':
        return extension.extend({ addNodeView: () => ReactNodeViewRenderer(DetailsView) });
      case 'codeBlock':
        return extension.extend({
          addNodeView:
            () =>
            (props: {
              node: ProseMirrorNode;
              editor: { view: EditorView };
              getPos: () => number | undefined;
            }) =>
              codeBlockView(props.node, props.editor.view, props.getPos),
        });
      case 'taskItem':
        return extension.extend({
          addNodeView:
            () => (props: { node: ProseMirrorNode; editor: Editor; getPos: () => number | undefined }) =>
              taskItemView(props.node, props.editor, props.getPos),
        });
      case 'image':
        return extension.extend({
          addAttributes(this: { parent?: () => Record<string, object> }) {
            const parent = this.parent?.() ?? {};
            return {
              ...parent,
              src: {
                ...parent.src,
                renderHTML: (attributes: JSONContent['attrs']) => ({
                  src: displaySource(imageSource(String(attributes?.src ?? '')), documentPath()),
                }),
              },
            };
          },
        });
      default:
        return extension;
    }
  });
  return [
    ...extended,
    SoftBreak,
    MarkdownLinkInputRule,
    MarkdownPaste,
    ListIndent,
    MarkdownDecorations,
    BrokenLinks.configure({ problemOf: linkProblem }),
    MermaidEditing,
    UndoRedo,
    Placeholder.configure({
      showOnlyCurrent: false,
      includeChildren: false,
      placeholder: ({ editor, node, pos }) =>
        node.type.name === 'paragraph' ? guidanceFor(headingBefore(editor.state.doc, pos)) : '',
    }),
    TemplateExamples.configure({ examples }),
    CommentQuotes.configure({ quotes }),
    TextDirection,
    AnchorHighlight,
    ReactSelectionOptOut,
    SelectionCatchUp,
    CaretAfterTyping,
  ];
}
