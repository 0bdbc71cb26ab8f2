/** Opens a document at `[[Note#Heading]]`'s heading or `[[Note#^id]]`'s block: scrolls it to the middle and marks it a moment. */
import { findHeading } from '../../../shared/model/headingAnchor.js';

export function scrollToAnchor(root: HTMLElement, anchor: string): boolean {
  const target = anchor.startsWith('^') ? blockElement(root, anchor.slice(1)) : headingElement(root, anchor);
  if (!target) return false;
  target.scrollIntoView({ block: 'center' });
  target.classList.add('anchor-target');
  window.setTimeout(() => target.classList.remove('anchor-target'), 1600);
  return true;
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
    } else if (++frame < 120) handle = requestAnimationFrame(attempt);
  };
  handle = requestAnimationFrame(attempt);
  return () => cancelAnimationFrame(handle);
}
