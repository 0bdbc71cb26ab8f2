/** Markdown shown read-only with the editor's own rendering (requirement cards, reference chips). */
import { EditorContent, useEditor } from '@tiptap/react';
import { useMemo } from 'react';
import { sharedCodec } from '../../workbench/sharedCodec.js';
import { EditorPageContext } from './editorContext.js';
import { createEditorExtensions } from './editorExtensions.js';
import { softBreaksToNodes } from '../../workbench/softBreak.js';

interface ReadOnlyMarkdownProps {
  markdown: string;
  /** The document the text comes from, so relative images resolve. */
  path: string;
  label: string;
  navigate: (hash: string) => void;
  /** A requirement to mark and scroll to inside the text. */
  highlight?: string;
}

export function ReadOnlyMarkdown({ markdown, path, label, navigate, highlight }: ReadOnlyMarkdownProps) {
  const extensions = useMemo(() => createEditorExtensions(path), [path]);
  const doc = useMemo(() => softBreaksToNodes(sharedCodec().parse(markdown).doc), [markdown]);
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
