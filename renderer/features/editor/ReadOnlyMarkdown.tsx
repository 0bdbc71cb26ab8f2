/** Markdown shown read-only with the editor's own rendering (requirement cards, reference chips). */
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useMemo } from 'react';
import { sharedCodec } from '../../workbench/sharedCodec.js';
import { EditorPageContext } from './editorContext.js';
import { createEditorExtensions } from './editorExtensions.js';
import { DifferingWords } from './DifferingWords.js';
import { softBreaksToNodes } from '../../workbench/softBreak.js';

interface ReadOnlyMarkdownProps {
  markdown: string;
  /** The document the text comes from, so relative images resolve. */
  path: string;
  label: string;
  navigate: (hash: string) => void;
  /** A requirement to mark and scroll to inside the text. */
  highlight?: string;
  /** Leaves out the writer's guidance (HTML comments between blocks): for readers, not writers. */
  hideGuidance?: boolean;
  /** Another text (the other side of a conflict): the words this one has and it lacks are marked. */
  compareWith?: string;
}

const guidanceComment = /^<!--[\s\S]*-->$/;

export function ReadOnlyMarkdown(props: ReadOnlyMarkdownProps) {
  const { markdown, path, label, navigate, highlight, hideGuidance, compareWith } = props;
  const other = useMemo(
    () => (compareWith === undefined ? undefined : softBreaksToNodes(sharedCodec().parse(compareWith).doc)),
    [compareWith],
  );
  const extensions = useMemo(
    () => [...createEditorExtensions(path), ...(other ? [DifferingWords.configure({ other })] : [])],
    [path, other],
  );
  const doc = useMemo(() => {
    const parsed = sharedCodec().parse(markdown).doc;
    const content = hideGuidance
      ? parsed.content?.filter(
          (node) =>
            !(node.type === 'rawBlock' && guidanceComment.test(String(node.attrs?.source ?? '').trim())),
        )
      : parsed.content;
    return softBreaksToNodes({ ...parsed, content });
  }, [markdown, hideGuidance]);
  const editor = useEditor(
    {
      extensions,
      content: doc,
      editable: false,
      editorProps: {
        attributes: { class: 'document-body read-only', 'aria-label': label, role: 'document' },
      },
    },
    [extensions, doc],
  );
  // Task checkboxes cannot be ticked here: say so (disabled), rather than look clickable and do nothing.
  useEffect(() => {
    for (const box of editor?.view.dom.querySelectorAll<HTMLInputElement>('input[type=checkbox]') ?? []) {
      box.disabled = true;
    }
  }, [editor]);
  return (
    <EditorPageContext.Provider
      value={{
        path,
        navigate,
        onSelectRequirement: () => undefined,
        highlight,
        extensionsFor: createEditorExtensions,
      }}
    >
      <div className="read-only-markdown">
        <EditorContent editor={editor} />
      </div>
    </EditorPageContext.Provider>
  );
}
