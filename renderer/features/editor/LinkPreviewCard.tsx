/**
 * What a link's hover preview says, for a link by name (`[[Note#Heading]]`) and a Markdown link to a
 * workspace document (`[x](../Note.md#heading)`, `/docs/Note.md`) alike: the target's title and path,
 * the notes an ambiguous name could mean, and the section's first blocks rendered read-only.
 */
import type { NameLink } from '../../../shared/grammar/nameLinkGrammar.js';
import type { NameLinkTarget } from '../../workbench/nameLinkTarget.js';
import { documentHash } from '../../workbench/route.js';
import { NotePreview } from './EmbeddedNote.js';
import type { SectionState } from './notePreview.js';

/** What the hover says of a heading or block the target does not have. */
export function missingAnchorMessage(anchor: string, title: string): string {
  return anchor.startsWith('^') ? `No block ${anchor} in ${title}` : `No heading “${anchor}” in ${title}`;
}

type Link = Pick<NameLink, 'target' | 'anchor'>;

/** The notes an ambiguous name could mean, each openable: the link opens the first, as Obsidian does. */
function AmbiguousCandidates({
  link,
  candidates,
  navigate,
}: {
  link: Link;
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

export function LinkPreviewCard({
  link,
  target,
  documentPath,
  section,
  shown,
  navigate,
}: {
  link: Link;
  target: NameLinkTarget;
  /** The Markdown document the link opens, if it opens one. */
  documentPath: string | undefined;
  section: SectionState;
  /** Whether the preview is open: the section renders only then. */
  shown: boolean;
  navigate: (hash: string) => void;
}) {
  if (target.state === 'missing') return <span>“{link.target}” is not a note in this workspace</span>;
  if (target.state === 'outside') return <span>“{link.target}” leads outside the workspace</span>;
  const missingAnchor =
    link.anchor !== undefined && documentPath !== undefined && section.state === 'missing';
  return (
    <>
      <strong>{target.title}</strong>
      <span className="link-preview-path">{target.path}</span>
      {!documentPath && <span>A file in the workspace, not a note</span>}
      {target.state === 'ambiguous' && target.candidates && (
        <AmbiguousCandidates link={link} candidates={target.candidates} navigate={navigate} />
      )}
      {section.state === 'found' && shown && documentPath && (
        <NotePreview markdown={section.section.markdown} path={documentPath} title={target.title} />
      )}
      {missingAnchor && (
        <span className="link-preview-missing">{missingAnchorMessage(link.anchor!, target.title)}</span>
      )}
    </>
  );
}
