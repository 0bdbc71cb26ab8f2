/**
 * The page of every contents entry from the page's own layout, before any print: the bundle is laid
 * out once more as columns of the printed page's size, so Chromium's fragmentation (the same that
 * breaks pages: forced breaks, rows and callouts kept whole, headings kept with what follows) puts
 * each heading in the column whose number is its page. The numbers are then written into the
 * contents, so one print is enough; the PDF's outline checks them (bundlePdf.ts).
 */
import { pageMargins } from './bundleStyles.js';

const a4 = { width: 210, height: 297 };
const columnWidth = `${a4.width - pageMargins.left - pageMargins.right}mm`;
const columnHeight = `${a4.height - pageMargins.top - pageMargins.bottom}mm`;

/** What the cover, the contents, each document and each appendix start on in print: a new page. */
const asColumns = `html { width: ${columnWidth}; }
body { margin: 0; padding: 0; height: ${columnHeight}; columns: ${columnWidth}; column-gap: 0; column-fill: auto; }
.cover, .contents { break-after: column; }
.document, .appendix { break-before: column; }`;

/**
 * Evaluated in the loaded bundle (DevTools, page scripts off): fills `.contents .page` and returns
 * `{ [heading id]: page }` for the entries it found.
 */
export const fillContentsPages = `(() => {
  const style = document.createElement('style');
  style.textContent = ${JSON.stringify(asColumns)};
  document.head.append(style);
  const body = document.body.getBoundingClientRect();
  const pages = {};
  const entries = [];
  for (const link of document.querySelectorAll('.contents a[href^="#"]')) {
    const id = decodeURIComponent(link.getAttribute('href').slice(1));
    const box = document.getElementById(id)?.getClientRects()[0];
    if (box === undefined) continue;
    pages[id] = Math.floor((box.left - body.left + 1) / body.width) + 1;
    entries.push([link.querySelector('.page'), pages[id]]);
  }
  style.remove();
  for (const [cell, page] of entries) if (cell) cell.textContent = String(page);
  return pages;
})()`;
