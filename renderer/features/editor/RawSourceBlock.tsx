/**
 * Markdown the editor does not model (HTML, footnotes, math…) shown as editable source, kept verbatim.
 * A block that is only a template guidance comment reads as a muted note, with its source one click away.
 */
import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { useEffect, useRef, useState } from 'react';

const commentPattern = /^<!--([\s\S]*?)-->\s*$/;

export function RawSourceBlock({ node, updateAttributes, editor, getPos }: ReactNodeViewProps) {
  const source = String(node.attrs.source ?? '');
  const comment = commentPattern.exec(source.trim());
  const [editing, setEditing] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const element = area.current;
    if (!element) return;
    element.style.height = 'auto';
    element.style.height = `${element.scrollHeight + 2}px`;
  }, [source, editing]);

  /** Guidance sits alone under a heading: give the author an empty paragraph right after it. */
  const writeBelow = () => {
    const position = getPos();
    if (position === undefined) return;
    const after = position + node.nodeSize;
    editor
      .chain()
      .insertContentAt(after, { type: 'paragraph' })
      .setTextSelection(after + 1)
      .focus()
      .run();
  };

  if (comment && !editing) {
    const text = comment[1]!.trim();
    const required = /^Required\b\.?/i.exec(text);
    return (
      <NodeViewWrapper className="guidance-note" contentEditable={false}>
        <p>
          {required && <span className="guidance-required">Required</span>}
          {required ? text.slice(required[0].length).trim() : text}
        </p>
        <span className="guidance-actions">
          {editor.isEditable && (
            <button type="button" onClick={writeBelow}>
              Write here
            </button>
          )}
          <button
            type="button"
            onClick={() => setEditing(true)}
            aria-label="Show the guidance comment's source"
          >
            Source
          </button>
        </span>
      </NodeViewWrapper>
    );
  }
  return (
    <NodeViewWrapper className="raw-block" contentEditable={false}>
      <span className="raw-label" aria-hidden="true">
        Markdown source
      </span>
      <textarea
        ref={area}
        aria-label="Markdown source kept as written"
        spellCheck={false}
        readOnly={!editor.isEditable}
        value={source}
        onBlur={() => setEditing(false)}
        onChange={(event) => updateAttributes({ source: event.target.value })}
      />
    </NodeViewWrapper>
  );
}
