/**
 * A Markdown link to a workspace document (`[x](../Note.md#heading)`, `[x](/docs/Note.md)`) previews
 * its target on hover as a link by name does: the same resolver, the same card, the same section.
 * The link is a mark, not a node view, so the preview hangs from the editor's element, fixed to the window.
 */
import type { Editor } from '@tiptap/react';
import { useEffect, useRef, useState } from 'react';
import { localTarget, type NameLink } from '../../../shared/grammar/nameLinkGrammar.js';
import { resolveNameLink } from '../../workbench/nameLinkTarget.js';
import { useWorkspaceSelector } from '../../workbench/workspaceSelector.js';
import { useEditorContext } from './editorContext.js';
import { LinkPreviewCard } from './LinkPreviewCard.js';
import { useNoteSection } from './notePreview.js';
import { usePreviewPlacement } from './usePreviewPlacement.js';

/** Links with a preview or a meaning of their own: chips, references, requirement headers, previews. */
const ownLinks = '.wiki-link, [data-reference-key], .requirement-header, .link-preview, .footnote-ref';
/** Long enough for the pointer to cross the gap from the link into the preview. */
const closeDelay = 250;

/** The Markdown link under `element`, if it points into the workspace rather than to the web. */
function markdownLinkAt(element: EventTarget | null, root: HTMLElement): HTMLAnchorElement | undefined {
  const anchor = element instanceof Element ? element.closest('a[href]') : null;
  if (!(anchor instanceof HTMLAnchorElement) || !root.contains(anchor) || anchor.closest(ownLinks)) return;
  return localTarget(anchor.getAttribute('href') ?? '') ? anchor : undefined;
}

function linkOf(href: string): Pick<NameLink, 'target' | 'anchor' | 'form'> | undefined {
  const local = localTarget(href);
  if (!local) return undefined;
  return local.anchor === undefined
    ? { target: local.path, form: 'markdown' }
    : { target: local.path, anchor: local.anchor, form: 'markdown' };
}

export function MarkdownLinkPreview({ editor }: { editor: Editor | null }) {
  const { path, navigate, api } = useEditorContext();
  const [href, setHref] = useState<string | undefined>(undefined);
  const placement = usePreviewPlacement();
  const closing = useRef<number | undefined>(undefined);
  const { place } = placement;

  useEffect(() => {
    const root = editor?.view.dom;
    if (!root) return;
    const open = (event: Event) => {
      const anchor = markdownLinkAt(event.target, root);
      if (!anchor) return;
      window.clearTimeout(closing.current);
      place(anchor);
      setHref(anchor.getAttribute('href') ?? '');
    };
    const leave = (event: MouseEvent) => {
      if (!markdownLinkAt(event.target, root) || markdownLinkAt(event.relatedTarget, root)) return;
      window.clearTimeout(closing.current);
      closing.current = window.setTimeout(() => setHref(undefined), closeDelay);
    };
    // A click opens the target (useBrokenLinkNotice): the preview closes, as Obsidian's does.
    const click = () => setHref(undefined);
    root.addEventListener('mouseover', open);
    root.addEventListener('mouseout', leave);
    root.addEventListener('click', click);
    return () => {
      root.removeEventListener('mouseover', open);
      root.removeEventListener('mouseout', leave);
      root.removeEventListener('click', click);
      window.clearTimeout(closing.current);
    };
  }, [editor, place]);

  const link = href === undefined ? undefined : linkOf(href);
  const { target, document } = useWorkspaceSelector((workspace) => {
    if (!link) return { target: undefined, document: undefined };
    const { document: summary, ...resolved } = resolveNameLink(workspace, link, path);
    return { target: resolved, document: summary && { path: summary.path, mtimeMs: summary.mtimeMs } };
  });
  const section = useNoteSection(
    api,
    document?.path,
    link?.anchor,
    document?.mtimeMs ?? 0,
    document !== undefined,
  );
  // Only a link that opens a note previews it; one that leads nowhere is marked broken (BrokenLinks).
  if (!link || !target || !document) return null;
  return (
    <span
      className={`link-preview open ${placement.className}`}
      style={placement.style}
      role="tooltip"
      onMouseEnter={() => window.clearTimeout(closing.current)}
      onMouseLeave={() => {
        closing.current = window.setTimeout(() => setHref(undefined), closeDelay);
      }}
    >
      <LinkPreviewCard
        link={link}
        target={target}
        documentPath={document.path}
        section={section}
        shown
        navigate={(hash) => {
          setHref(undefined);
          navigate(hash);
        }}
      />
    </span>
  );
}
