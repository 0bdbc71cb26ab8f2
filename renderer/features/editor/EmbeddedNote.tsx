/** The text of an embedded note or section, rendered read-only by the editor's own views. */
import { EditorContent, useEditor } from '@tiptap/react';
import { useMemo } from 'react';
import { sharedCodec } from '../../workbench/sharedCodec.js';
import { EditorPageContext, useEditorContext } from './editorContext.js';
import { useNoteSection } from './notePreview.js';

interface EmbeddedNoteProps {
  path: string;
  anchor: string | undefined;
  version: number;
  title: string;
}

export function EmbeddedNote({ path, anchor, version, title }: EmbeddedNoteProps) {
  const context = useEditorContext();
  const section = useNoteSection(context.api, path, anchor, version);
  if (section.state === 'loading') return <span className="embed-loading">Loading…</span>;
  if (section.state === 'missing') return <span className="embed-stop">{section.message}</span>;
  if (!context.extensionsFor) return null;
  return (
    <EmbeddedText
      markdown={section.section.markdown}
      path={path}
      label={`Embedded from ${title}`}
      depth={(context.embedDepth ?? 0) + 1}
    />
  );
}

function EmbeddedText({
  markdown,
  path,
  label,
  depth,
}: {
  markdown: string;
  path: string;
  label: string;
  depth: number;
}) {
  const outer = useEditorContext();
  const { extensionsFor } = outer;
  const extensions = useMemo(() => extensionsFor?.(path) ?? [], [extensionsFor, path]);
  const doc = useMemo(() => sharedCodec().parse(markdown).doc, [markdown]);
  const editor = useEditor(
    {
      extensions,
      content: doc,
      editable: false,
      editorProps: {
        attributes: { class: 'document-body read-only embedded', 'aria-label': label, role: 'document' },
      },
    },
    [extensions, doc],
  );
  const context = useMemo(
    () => ({ ...outer, path, embedDepth: depth, onSelectRequirement: () => undefined }),
    [outer, path, depth],
  );
  return (
    <EditorPageContext.Provider value={context}>
      <EditorContent editor={editor} className="embed-body" />
    </EditorPageContext.Provider>
  );
}
