/**
 * An embed, `![[…]]`: an image from anywhere in the workspace (`|300` or `|300x200` sizes it), or a
 * note or one of its sections shown read-only with a link to where it comes from.
 */
import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { embedSize } from '../../../shared/markdown/extensions/embed.js';
import { embedCaption, type NameLink } from '../../../shared/grammar/nameLinkGrammar.js';
import { nameLinkOf } from '../../../shared/markdown/extensions/wikiLink.js';
import { isImagePath, resolveNameLink } from '../../workbench/nameLinkTarget.js';
import { useWorkspace } from '../../workbench/workspaceState.js';
import { workspaceAssetUrl } from './assetPaths.js';
import { EmbeddedNote } from './EmbeddedNote.js';
import { useEditorContext } from './editorContext.js';
import './markdownViews.css';

/** What a missing embed says: an image, another file (a video, a PDF) or a note, by the name written. */
export function missingEmbedText(link: Pick<NameLink, 'target' | 'anchor'>): string {
  if (isImagePath(link.target)) return `Image not found: ${link.target}`;
  if (/\.[A-Za-z][A-Za-z0-9]{0,4}$/.test(link.target) && !/\.md$/i.test(link.target))
    return `File not found: ${link.target}`;
  return `Note not found: ${link.target}${link.anchor ? `#${link.anchor}` : ''}`;
}

export function EmbedView({ node }: ReactNodeViewProps) {
  const workspace = useWorkspace();
  const context = useEditorContext();
  const link = nameLinkOf(node.attrs, true);
  const target = resolveNameLink(workspace, link, context.path);
  const source = String(node.attrs.source ?? '');
  if (target.state === 'missing' || target.state === 'outside' || !target.path) {
    return (
      <NodeViewWrapper as="span" className="embed embed-missing" contentEditable={false}>
        <span role="img" aria-label={`Missing embed: ${link.target}`}>
          {missingEmbedText(link)}
        </span>
      </NodeViewWrapper>
    );
  }
  if (isImagePath(target.path)) {
    const size = embedSize(link.label);
    return (
      <NodeViewWrapper as="span" className="embed embed-image" contentEditable={false}>
        <img
          src={workspaceAssetUrl(target.path)}
          alt={size || !link.label ? target.title : link.label}
          width={size?.width}
          height={size?.height}
          draggable={false}
        />
      </NodeViewWrapper>
    );
  }
  if (!target.document) {
    return (
      <NodeViewWrapper as="span" className="embed embed-file" contentEditable={false} title={target.path}>
        {target.title}
        {target.path.slice(target.path.lastIndexOf('.'))}
      </NodeViewWrapper>
    );
  }
  const depth = context.embedDepth ?? 0;
  const self = target.path === context.path && !link.anchor;
  return (
    <NodeViewWrapper as="span" className="embed embed-note" contentEditable={false} data-source={source}>
      <span className="embed-header">
        <a
          href={target.hash}
          onClick={(event) => {
            event.preventDefault();
            if (target.hash) context.navigate(target.hash);
          }}
        >
          {embedCaption(link, target.title, target.title)}
        </a>
        <span className="embed-kind">Embedded · read-only</span>
      </span>
      {self || depth >= 2 ? (
        <span className="embed-stop">
          {self ? 'A note cannot embed itself.' : 'Embedded too deep to show.'}
        </span>
      ) : (
        <EmbeddedNote
          path={target.document.path}
          anchor={link.anchor}
          version={target.document.mtimeMs}
          title={target.title}
        />
      )}
    </NodeViewWrapper>
  );
}
