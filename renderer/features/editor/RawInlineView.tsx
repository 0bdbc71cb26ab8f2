/**
 * Inline source kept as written, shown as what it means: a `%%comment%%` dimmed (it prints nowhere),
 * a footnote reference as a superscript with its note on hover, `$math$` typeset, an entity as its
 * character, a reference link (or a link to another app, not followed) as its text. Clicking math or a comment edits its source; anything else shows its source.
 */
import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { useMemo, useState } from 'react';
import { matchRawInline } from '../../../shared/markdown/extensions/rawInline.js';
import { inlineHtmlTag } from '../../../shared/markdown/inlineHtml.js';
import { normalizeLabel } from '../../../shared/markdown/referenceLinks.js';
import {
  footnoteDefinition,
  linkDefinitions,
  rawInlineKind,
} from '../../../shared/markdown/rawInlineKind.js';
import { footnoteNumberIn } from './documentFootnotes.js';
import { mathMarkup } from './renderedMarkup.js';
import './markdownViews.css';

function decodeEntity(source: string): string {
  return new DOMParser().parseFromString(source, 'text/html').body.textContent ?? source;
}

export function RawInlineView({ node, editor, updateAttributes }: ReactNodeViewProps) {
  const source = String(node.attrs.source ?? '');
  const kind = useMemo(() => rawInlineKind(source), [source]);
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const editable = editor.isEditable && (kind.kind === 'math' || kind.kind === 'comment');

  const commit = () => {
    // Only source that still reads as one such atom is written back; anything else is left as it was.
    if (draft !== undefined && draft !== source && matchRawInline(draft) === draft)
      updateAttributes({ source: draft });
    setDraft(undefined);
  };

  if (draft !== undefined) {
    return (
      <NodeViewWrapper as="span" className="raw-inline-edit" contentEditable={false}>
        <input
          aria-label={kind.kind === 'math' ? 'Math source' : 'Comment source'}
          value={draft}
          size={Math.max(4, draft.length)}
          autoFocus
          spellCheck={false}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commit();
            if (event.key === 'Escape') setDraft(undefined);
          }}
        />
      </NodeViewWrapper>
    );
  }
  const open = editable ? () => setDraft(source) : undefined;
  switch (kind.kind) {
    case 'comment':
      return (
        <NodeViewWrapper
          as="span"
          className="md-comment"
          title="Comment: shown while editing, never printed"
          onClick={open}
        >
          {source}
        </NodeViewWrapper>
      );
    case 'math': {
      const markup = mathMarkup(kind.tex, kind.display);
      if (markup === undefined)
        return (
          <NodeViewWrapper
            as="span"
            className="raw-inline math-error"
            title="Math KaTeX cannot read"
            onClick={open}
          >
            {source}
          </NodeViewWrapper>
        );
      return (
        <NodeViewWrapper
          as="span"
          className="md-math"
          title={source}
          onClick={open}
          dangerouslySetInnerHTML={{ __html: markup }}
        />
      );
    }
    case 'footnote':
      return <FootnoteReference label={kind.label} editorDoc={editor.state.doc} />;
    case 'referenceLink':
      return <ReferenceLink text={kind.text} label={kind.label} editorDoc={editor.state.doc} />;
    case 'blockedLink':
      return (
        <NodeViewWrapper
          as="span"
          className="reference-link blocked-link"
          title={`${kind.href} (links to other apps are not opened from Specbench)`}
        >
          {kind.text.replace(/\\([!-/:-@[-`{-~])/g, '$1')}
        </NodeViewWrapper>
      );
    case 'entity':
      return (
        <NodeViewWrapper as="span" title={source}>
          {decodeEntity(source)}
        </NodeViewWrapper>
      );
    case 'blockId':
      return (
        <NodeViewWrapper
          as="span"
          className="md-block-id"
          title="Block id: what [[Note#^id]] links to"
          data-block-id={source.trim().replace(/^\^/, '')}
        >
          {source}
        </NodeViewWrapper>
      );
    default:
      if (inlineHtmlTag(source)?.empty)
        return (
          <NodeViewWrapper as="span" className="md-html-break" title={source}>
            <span className="md-html-tag-source">{source}</span>
            <br />
          </NodeViewWrapper>
        );
      return (
        <NodeViewWrapper as="span" className="raw-inline">
          {source}
        </NodeViewWrapper>
      );
  }
}

function FootnoteReference({
  label,
  editorDoc,
}: {
  label: string;
  editorDoc: ReactNodeViewProps['editor']['state']['doc'];
}) {
  let text: string | undefined;
  editorDoc.descendants((child) => {
    if (text !== undefined) return false;
    if (child.type.name !== 'rawBlock') return true;
    const definition = footnoteDefinition(String(child.attrs.source ?? ''));
    if (definition?.label === label) text = definition.text;
    return false;
  });
  const number = footnoteNumberIn(editorDoc, label);
  return (
    <NodeViewWrapper
      as="span"
      className="footnote-ref"
      tabIndex={0}
      aria-label={`Footnote ${number}`}
      title={number === label ? undefined : `[^${label}]`}
    >
      <sup>{number}</sup>
      <span className="link-preview" role="tooltip">
        {text ?? `Footnote ${label} has no definition`}
      </span>
    </NodeViewWrapper>
  );
}

/** `[text][label]`: the text, styled as the link it is, with where the document's definition sends it. */
function ReferenceLink({
  text,
  label,
  editorDoc,
}: {
  text: string;
  label: string;
  editorDoc: ReactNodeViewProps['editor']['state']['doc'];
}) {
  const wanted = normalizeLabel(label);
  let destination: string | undefined;
  editorDoc.descendants((child) => {
    if (destination !== undefined) return false;
    if (child.type.name !== 'rawBlock') return true;
    const found = linkDefinitions(String(child.attrs.source ?? ''))?.find(
      (definition) => normalizeLabel(definition.label) === wanted,
    );
    if (found) destination = found.destination;
    return false;
  });
  return (
    <NodeViewWrapper as="span" className="reference-link" title={destination ?? `[${label}]`}>
      {text.replace(/\\([!-/:-@[-`{-~])/g, '$1')}
    </NodeViewWrapper>
  );
}
