/** The text of an embedded or previewed note or section, rendered read-only by the editor's own views. */
import { EditorContent, useEditor } from '@tiptap/react';
import { useMemo } from 'react';
import { sharedCodec } from '../../workbench/sharedCodec.js';
import { EditorPageContext, useEditorContext } from './editorContext.js';
import { previewOf, useNoteSection } from './notePreview.js';

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

/** A link's hover preview: the first blocks of the section, rendered as the note shows them, read-only. */
export function NotePreview({ markdown, path, title }: { markdown: string; path: string; title: string }) {
  const context = useEditorContext();
  const preview = useMemo(() => previewOf(markdown), [markdown]);
  if (!context.extensionsFor || preview.markdown === '') return null;
  return (
    <span className={`link-preview-body${preview.cut ? ' cut' : ''}`}>
      <EmbeddedText
        markdown={preview.markdown}
        path={path}
        label={`Preview of ${title}`}
        depth={(context.embedDepth ?? 0) + 1}
      />
    </span>
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
