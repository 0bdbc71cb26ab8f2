/**
 * A link by name, `[[Note#Heading|label]]`, as a link chip: the target's title (or the writer's
 * label), opening the note at the heading or block; on hover, the section's first blocks rendered read-only.
 */
import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { useState, type SyntheticEvent } from 'react';
import { nameLinkText, type NameLink } from '../../../shared/grammar/nameLinkGrammar.js';
import { nameLinkOf } from '../../../shared/markdown/extensions/wikiLink.js';
import { resolveNameLink, type NameLinkTarget } from '../../workbench/nameLinkTarget.js';
import { documentHash } from '../../workbench/route.js';
import { useWorkspaceSelector } from '../../workbench/workspaceSelector.js';
import { useEditorContext } from './editorContext.js';
import { NotePreview } from './EmbeddedNote.js';
import { useNoteSection } from './notePreview.js';
import { usePreviewPlacement } from './usePreviewPlacement.js';
import './markdownViews.css';

/** What the chip says: the label, else the title and the heading it points into (`Plan › Risks`). */
export function chipText(link: NameLink, target: NameLinkTarget, ownTitle?: string): string {
  const broken = target.state === 'missing' || target.state === 'outside';
  return nameLinkText(link, broken ? undefined : target.title, ownTitle);
}

/** What the hover says of a heading or block the target does not have. */
export function missingAnchorMessage(anchor: string, title: string): string {
  return anchor.startsWith('^') ? `No block ${anchor} in ${title}` : `No heading “${anchor}” in ${title}`;
}

/** The notes an ambiguous name could mean, each openable: the link opens the first, as Obsidian does. */
function AmbiguousCandidates({
  link,
  candidates,
  navigate,
}: {
  link: NameLink;
  candidates: readonly string[];
  navigate: (hash: string) => void;
}) {
  const name = link.target.slice(link.target.lastIndexOf('/') + 1);
  return (
    <span className="link-preview-ambiguous">
      <span>
        {candidates.length} notes are named {name}; this link opens the first. Write the path to choose one:
      </span>
      <ul>
        {candidates.map((candidate) => (
          <li key={candidate}>
            <a
              href={documentHash(candidate, undefined, link.anchor)}
              onClick={(event) => {
                event.preventDefault();
                navigate(documentHash(candidate, undefined, link.anchor));
              }}
            >
              {candidate.replace(/\.md$/i, '')}
            </a>
          </li>
        ))}
      </ul>
    </span>
  );
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
        placement.place(event);
        setHovered(true);
      }}
      onMouseLeave={() => setDismissed(false)}
      onFocus={(event: SyntheticEvent<HTMLElement>) => {
        placement.place(event);
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
        {target.state === 'missing' ? (
          <span>“{link.target}” is not a note in this workspace</span>
        ) : target.state === 'outside' ? (
          <span>“{link.target}” leads outside the workspace</span>
        ) : (
          <>
            <strong>{target.title}</strong>
            <span className="link-preview-path">{target.path}</span>
            {!document && <span>A file in the workspace, not a note</span>}
            {target.state === 'ambiguous' && target.candidates && (
              <AmbiguousCandidates link={link} candidates={target.candidates} navigate={navigate} />
            )}
            {section.state === 'found' && hovered && document && (
              <NotePreview markdown={section.section.markdown} path={document.path} title={target.title} />
            )}
            {missingAnchor && (
              <span className="link-preview-missing">{missingAnchorMessage(link.anchor!, target.title)}</span>
            )}
          </>
        )}
      </span>
    </NodeViewWrapper>
  );
}
