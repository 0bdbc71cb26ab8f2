/**
 * A link by name, `[[Note#Heading|label]]`, as a link chip: the target's title (or the writer's
 * label), opening the note at the heading or block; on hover, the section's first blocks rendered read-only.
 */
import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { useState, type SyntheticEvent } from 'react';
import { nameLinkText, type NameLink } from '../../../shared/grammar/nameLinkGrammar.js';
import { nameLinkOf } from '../../../shared/markdown/extensions/wikiLink.js';
import { resolveNameLink, type NameLinkTarget } from '../../workbench/nameLinkTarget.js';
import { useWorkspaceSelector } from '../../workbench/workspaceSelector.js';
import { useEditorContext } from './editorContext.js';
import { LinkPreviewCard } from './LinkPreviewCard.js';
import { useNoteSection } from './notePreview.js';
import { usePreviewPlacement } from './usePreviewPlacement.js';
import './markdownViews.css';

/** What the chip says: the label, else the title and the heading it points into (`Plan › Risks`). */
export function chipText(link: NameLink, target: NameLinkTarget, ownTitle?: string): string {
  const broken = target.state === 'missing' || target.state === 'outside';
  return nameLinkText(link, broken ? undefined : target.title, ownTitle);
}

export function WikiLinkChip({ node }: ReactNodeViewProps) {
  const { path, navigate, api } = useEditorContext();
  const link = nameLinkOf(node.attrs);
  // Only what the chip shows: a save elsewhere in the workspace renders no chip whose target stayed the same.
  const { target, document, ownTitle } = useWorkspaceSelector((workspace) => {
    const { document: summary, ...resolved } = resolveNameLink(workspace, link, path);
    return {
      target: resolved,
      document: summary && { path: summary.path, mtimeMs: summary.mtimeMs },
      ownTitle: workspace.byPath.get(path)?.title,
    };
  });
  const [hovered, setHovered] = useState(false);
  // A click opens the target: the preview closes until the pointer leaves, as Obsidian's does.
  const [dismissed, setDismissed] = useState(false);
  const placement = usePreviewPlacement();
  const version = document?.mtimeMs ?? 0;
  // A link into a heading or block is looked up at once: one that names none reads as broken, as check says.
  const section = useNoteSection(
    api,
    document?.path,
    link.anchor,
    version,
    hovered || link.anchor !== undefined,
  );
  const missingAnchor = link.anchor !== undefined && document !== undefined && section.state === 'missing';
  const broken = target.state === 'missing' || target.state === 'outside' || missingAnchor;
  const text = chipText(link, target, ownTitle);
  const className = broken
    ? 'wiki-link broken'
    : target.state === 'ambiguous'
      ? 'wiki-link ambiguous'
      : 'wiki-link';
  return (
    <NodeViewWrapper
      as="span"
      className={dismissed ? `${className} dismissed` : className}
      data-wiki-target={link.target}
      onMouseEnter={(event: SyntheticEvent<HTMLElement>) => {
        placement.place(event.currentTarget);
        setHovered(true);
      }}
      onMouseLeave={() => setDismissed(false)}
      onFocus={(event: SyntheticEvent<HTMLElement>) => {
        placement.place(event.currentTarget);
        setHovered(true);
      }}
    >
      <a
        href={target.hash ?? '#'}
        contentEditable={false}
        onClick={(event) => {
          event.preventDefault();
          setDismissed(true);
          if (target.hash) navigate(target.hash);
        }}
      >
        {text}
      </a>
      <span
        className={`link-preview ${placement.className}`}
        style={placement.style}
        role="tooltip"
        contentEditable={false}
      >
        <LinkPreviewCard
          link={link}
          target={target}
          documentPath={document?.path}
          section={section}
          shown={hovered}
          navigate={navigate}
        />
      </span>
    </NodeViewWrapper>
  );
}
