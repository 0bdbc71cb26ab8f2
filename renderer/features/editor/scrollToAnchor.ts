/** Opens a document at `[[Note#Heading]]`'s heading or `[[Note#^id]]`'s block: scrolls it to the middle and marks it a moment. */
import type { EditorView } from '@tiptap/pm/view';
import { findHeading } from '../../../shared/model/headingAnchor.js';
import { markAnchorTarget } from './AnchorHighlight.js';

/** Frames to wait for the place to be drawn (node views draw a frame or two after the editor). */
const framesToWait = 120;

/** How long a document just opened keeps its place in view while the rest of it is still being drawn. */
const holdMilliseconds = 1500;

/**
 * Scrolls to the heading or `^block` `anchor` names and marks it; returns a function that stops.
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
      target.scrollIntoView({ block: 'center', behavior: smooth && !reduced ? 'smooth' : 'auto' });
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

/** Keeps `target` in the middle while `root` changes size, until the user acts or a moment passes. */
function holdInView(root: HTMLElement, target: HTMLElement): () => void {
  const observer = new ResizeObserver(() => {
    if (target.isConnected) target.scrollIntoView({ block: 'center' });
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

/** The block whose text ends in `^id` (a paragraph, list item or table cell). */
function blockElement(root: HTMLElement, id: string): HTMLElement | undefined {
  const marker = Array.from(root.querySelectorAll<HTMLElement>('[data-block-id], [data-raw-inline]')).find(
    (element) =>
      element.dataset.blockId === id || (element.dataset.source ?? element.textContent)?.trim() === `^${id}`,
  );
  return marker?.closest<HTMLElement>('p, li, td, th, blockquote, .callout') ?? undefined;
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
      card.classList.add('anchor-target');
      window.setTimeout(() => card.classList.remove('anchor-target'), 2400);
      select(key);
    } else if (++frame < framesToWait) handle = requestAnimationFrame(attempt);
  };
  handle = requestAnimationFrame(attempt);
  return () => cancelAnimationFrame(handle);
}
