/** Opens a document at `[[Note#Heading]]`'s heading or `[[Note#^id]]`'s block: scrolls it to the top and marks it a moment. */
import type { EditorView } from '@tiptap/pm/view';
import { findHeading } from '../../../shared/model/headingAnchor.js';
import { flashAnchorTarget, markAnchorTarget } from './AnchorHighlight.js';

/** Frames to wait for the place to be drawn (node views draw a frame or two after the editor). */
const framesToWait = 120;

/** How long a document just opened keeps its place in view while the rest of it is still being drawn. */
const holdMilliseconds = 1500;

/**
 * Scrolls the heading or `^block` `anchor` names to the top of the editor, below its sticky toolbar,
 * as GitHub and Obsidian open a link to a heading, and marks it; returns a function that stops.
 * In a document just opened the place is shown at once and held there while node views above it
 * draw (until the user scrolls, types or clicks); within the document open, `smooth` glides there
 * unless the user asked for less motion.
 */
export function revealAnchor(view: EditorView, anchor: string, smooth = false): () => void {
  let frame = 0;
  let handle = 0;
  let release = () => {};
  const attempt = () => {
    if (view.isDestroyed) return;
    const target = anchorElement(view.dom, anchor);
    if (target) {
      const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      scrollToTop(target, smooth && !reduced ? 'smooth' : 'auto');
      markAnchorTarget(view, target);
      if (!smooth) release = holdInView(view.dom, target);
    } else if (++frame < framesToWait) handle = requestAnimationFrame(attempt);
  };
  attempt();
  return () => {
    cancelAnimationFrame(handle);
    release();
  };
}

/** Keeps `target` at the top while `root` changes size, until the user acts or a moment passes. */
function holdInView(root: HTMLElement, target: HTMLElement): () => void {
  const observer = new ResizeObserver(() => {
    if (target.isConnected) scrollToTop(target, 'auto');
  });
  observer.observe(root);
  const events = ['wheel', 'keydown', 'pointerdown', 'touchstart'] as const;
  const release = () => {
    observer.disconnect();
    window.clearTimeout(timer);
    for (const name of events) window.removeEventListener(name, release, true);
  };
  const timer = window.setTimeout(release, holdMilliseconds);
  for (const name of events) window.addEventListener(name, release, true);
  return release;
}

/** Headers that stay at the top of the scrolled editor and would cover a target scrolled to the top. */
const stickyHeaders = '.editor-toolbar';

/** Room left above the target, so it does not touch the toolbar's edge. */
const topGap = 12;

/** Scrolls `target`'s scrolling ancestor so the target sits at the top, below the sticky headers in it. */
export function scrollToTop(target: HTMLElement, behavior: ScrollBehavior): void {
  const container = scrollingAncestor(target);
  if (!container) return target.scrollIntoView({ block: 'start', behavior });
  let covered = 0;
  for (const header of container.querySelectorAll<HTMLElement>(stickyHeaders)) {
    const style = getComputedStyle(header);
    if (style.position !== 'sticky' || header.contains(target)) continue;
    covered = Math.max(covered, (parseFloat(style.top) || 0) + header.getBoundingClientRect().height);
  }
  const offset = target.getBoundingClientRect().top - container.getBoundingClientRect().top;
  container.scrollTo({ top: container.scrollTop + offset - covered - topGap, behavior });
}

function scrollingAncestor(element: HTMLElement): HTMLElement | undefined {
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    const overflow = getComputedStyle(parent).overflowY;
    if ((overflow === 'auto' || overflow === 'scroll') && parent.scrollHeight > parent.clientHeight)
      return parent;
  }
  return undefined;
}

function anchorElement(root: HTMLElement, anchor: string): HTMLElement | undefined {
  return anchor.startsWith('^') ? blockElement(root, anchor.slice(1)) : headingElement(root, anchor);
}

function headingElement(root: HTMLElement, anchor: string): HTMLElement | undefined {
  const headings = Array.from(root.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')).filter(
    (element) => !element.closest('.embed-body'),
  );
  const index = findHeading(
    headings.map((element) => element.textContent ?? ''),
    anchor,
  );
  return index === -1 ? undefined : headings[index];
}

/**
 * The block whose text ends in `^id` (a paragraph, list item or table cell); for an id alone on its
 * line after a list, table or quote (Obsidian's way to name those), that block.
 */
function blockElement(root: HTMLElement, id: string): HTMLElement | undefined {
  const marker = Array.from(root.querySelectorAll<HTMLElement>('[data-block-id], [data-raw-inline]')).find(
    (element) =>
      element.dataset.blockId === id || (element.dataset.source ?? element.textContent)?.trim() === `^${id}`,
  );
  const block = marker?.closest<HTMLElement>('p, li, td, th, blockquote, .callout') ?? undefined;
  if (!block || block.tagName !== 'P' || block.textContent?.trim() !== `^${id}`) return block;
  const before = block.previousElementSibling;
  return before instanceof HTMLElement ? before : block;
}

/**
 * Opens a document at a requirement (a key link `#/REQ-4`): once its card is drawn (node views draw
 * a frame or two after the editor), scrolls it to the middle, marks it a moment and selects it.
 * Returns a function that stops waiting.
 */
export function revealRequirement(root: HTMLElement, key: string, select: (key: string) => void): () => void {
  let frame = 0;
  let handle = 0;
  const attempt = () => {
    const card = root.querySelector<HTMLElement>(`[data-requirement="${CSS.escape(key)}"]`);
    if (card) {
      card.scrollIntoView({ block: 'center' });
      flashAnchorTarget(card);
      select(key);
    } else if (++frame < framesToWait) handle = requestAnimationFrame(attempt);
  };
  handle = requestAnimationFrame(attempt);
  return () => cancelAnimationFrame(handle);
}
