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
