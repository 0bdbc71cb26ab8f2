/**
 * Markdown the editor does not model (HTML, footnotes, math…) shown as editable source, kept verbatim.
 * A block that is only a template guidance comment reads as a muted note, with its source one click away.
 */
import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { footnoteDefinition, linkDefinitions, mathBlock } from '../../../shared/markdown/rawInlineKind.js';
import { displaySource } from './assetPaths.js';
import { footnoteNumberIn } from './documentFootnotes.js';
import { htmlBlockMarkup, mathMarkup } from './renderedMarkup.js';

const commentPattern = /^<!--([\s\S]*?)-->\s*$/;

/** What a block of kept source looks like rendered: a footnote, display math, or safe HTML; undefined to show source. */
function renderedForm(
  source: string,
  documentPath: string,
  footnoteNumber: string | undefined,
): { label: string; content: ReactNode } | undefined {
  const footnote = footnoteDefinition(source);
  if (footnote) {
    const number = footnoteNumber ?? footnote.label;
    return {
      label: `Footnote ${number}`,
      content: (
        <p className="footnote-definition">
          <sup>{number}</sup> {footnote.text}
        </p>
      ),
    };
  }
  const definitions = linkDefinitions(source);
  if (definitions) {
    return {
      label: 'Link definitions',
      content: (
        <dl className="link-definitions">
          {definitions.map(({ label, destination }) => (
            <div key={label}>
              <dt>[{label}]</dt>
              <dd>{destination}</dd>
            </div>
          ))}
        </dl>
      ),
    };
  }
  const tex = mathBlock(source);
  const math = tex === undefined ? undefined : mathMarkup(tex, true);
  if (math !== undefined)
    return {
      label: 'Math',
      content: <div className="md-math-block" dangerouslySetInnerHTML={{ __html: math }} />,
    };
  if (!source.trimStart().startsWith('<') || commentPattern.test(source.trim())) return undefined;
  const html = htmlBlockMarkup(source, (media) => displaySource(media, documentPath));
  return html === undefined
    ? undefined
    : {
        label: 'HTML',
        content: <div className="md-html-block" dangerouslySetInnerHTML={{ __html: html }} />,
      };
}

export function RawSourceBlock({
  node,
  updateAttributes,
  editor,
  getPos,
  documentPath,
}: ReactNodeViewProps & { documentPath: string }) {
  const source = String(node.attrs.source ?? '');
  const reason = typeof node.attrs.reason === 'string' ? node.attrs.reason : undefined;
  const comment = commentPattern.exec(source.trim());
  const [editing, setEditing] = useState(false);
  const footnote = footnoteDefinition(source);
  // Numbered in the order of first reference: 1, 2, … whatever the labels.
  const footnoteNumber = footnote && footnoteNumberIn(editor.state.doc, footnote.label);
  const rendered = useMemo(
    () => renderedForm(source, documentPath, footnoteNumber),
    [source, documentPath, footnoteNumber],
  );
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (editing) area.current?.focus();
  }, [editing]);

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
  if (rendered && !editing) {
    return (
      <NodeViewWrapper className="rendered-block" contentEditable={false} data-rendered={rendered.label}>
        {rendered.content}
        <button
          type="button"
          className="rendered-source"
          onClick={() => setEditing(true)}
          aria-label={`Show the source of this ${rendered.label === 'HTML' ? 'HTML' : rendered.label.toLowerCase()}`}
        >
          Source
        </button>
      </NodeViewWrapper>
    );
  }
  return (
    <NodeViewWrapper className="raw-block" contentEditable={false}>
      <span className="raw-label" aria-hidden="true">
        Markdown source{reason && <span className="raw-reason"> · {reason}</span>}
      </span>
      <textarea
        ref={area}
        aria-label="Markdown source kept as written"
        aria-description={reason ? `Shown as source: ${reason}` : undefined}
        spellCheck={false}
        readOnly={!editor.isEditable}
        value={source}
        onBlur={() => setEditing(false)}
        onChange={(event) => updateAttributes({ source: event.target.value })}
      />
    </NodeViewWrapper>
  );
}
