/** Markdown the editor does not model (HTML, footnotes, math…) shown as editable source, kept verbatim. */
import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { useEffect, useRef } from 'react';

export function RawSourceBlock({ node, updateAttributes, editor }: ReactNodeViewProps) {
  const source = String(node.attrs.source ?? '');
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const element = area.current;
    if (!element) return;
    element.style.height = 'auto';
    element.style.height = `${element.scrollHeight + 2}px`;
  }, [source]);
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
        onChange={(event) => updateAttributes({ source: event.target.value })}
      />
    </NodeViewWrapper>
  );
}
