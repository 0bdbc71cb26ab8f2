/**
 * A link by name, `[[Note#Heading|label]]`, as a link chip: the target's title (or the writer's
 * label), opening the note at the heading or block; on hover, the section's first lines.
 */
import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { useState } from 'react';
import { nameLinkText, type NameLink } from '../../../shared/grammar/nameLinkGrammar.js';
import { nameLinkOf } from '../../../shared/markdown/extensions/wikiLink.js';
import { resolveNameLink, type NameLinkTarget } from '../../workbench/nameLinkTarget.js';
import { useWorkspace } from '../../workbench/workspaceState.js';
import { useEditorContext } from './editorContext.js';
import { excerptOf, useNoteSection } from './notePreview.js';
import './markdownViews.css';

/** What the chip says: the label, else the title and the heading it points into (`Plan › Risks`). */
export function chipText(link: NameLink, target: NameLinkTarget, ownTitle?: string): string {
  const broken = target.state === 'missing' || target.state === 'outside';
  return nameLinkText(link, broken ? undefined : target.title, ownTitle);
}

export function WikiLinkChip({ node }: ReactNodeViewProps) {
  const workspace = useWorkspace();
  const { path, navigate, api } = useEditorContext();
  const link = nameLinkOf(node.attrs);
  const target = resolveNameLink(workspace, link, path);
  const [hovered, setHovered] = useState(false);
  const version = target.document?.mtimeMs ?? 0;
  const section = useNoteSection(api, target.document?.path, link.anchor, version, hovered);
  const broken = target.state === 'missing' || target.state === 'outside';
  const text = chipText(link, target, workspace.byPath.get(path)?.title);
  return (
    <NodeViewWrapper
      as="span"
      className={broken ? 'wiki-link broken' : 'wiki-link'}
      data-wiki-target={link.target}
      onMouseEnter={() => setHovered(true)}
      onFocus={() => setHovered(true)}
    >
      <a
        href={target.hash ?? '#'}
        contentEditable={false}
        onClick={(event) => {
          event.preventDefault();
          if (target.hash) navigate(target.hash);
        }}
      >
        {text}
      </a>
      <span className="link-preview" role="tooltip" contentEditable={false}>
        {target.state === 'missing' ? (
          <span>“{link.target}” is not a note in this workspace</span>
        ) : target.state === 'outside' ? (
          <span>“{link.target}” leads outside the workspace</span>
        ) : (
          <>
            <strong>{target.title}</strong>
            <span className="link-preview-path">{target.path}</span>
            {!target.document && <span>A file in the workspace, not a note</span>}
            {target.state === 'ambiguous' && (
              <span>
                Also: {target.candidates?.filter((candidate) => candidate !== target.path).join(', ')}
              </span>
            )}
            {section.state === 'found' && (
              <span className="link-preview-excerpt">{excerptOf(section.section.markdown)}</span>
            )}
            {section.state === 'missing' && hovered && link.anchor && (
              <span className="link-preview-missing">{section.message}</span>
            )}
          </>
        )}
      </span>
    </NodeViewWrapper>
  );
}
