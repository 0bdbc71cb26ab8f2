/**
 * A document's own HTML in exports, sanitised by the policy the editor uses (htmlPolicy, DOMPurify
 * over jsdom): a whole HTML block as its elements, with images embedded from the workspace or named
 * when they cannot be (remote ones are never fetched) and `<details>` printed open; inline tags the
 * editor shows (`<kbd>`, `<sub>`, `<br>`…) bare; a fragment of an element split over blocks tag by tag.
 */
import createDOMPurify, { type DOMPurify } from 'dompurify';
import { loadJsdom } from './loadJsdom.js';
import { htmlPolicy } from '../../shared/markdown/htmlPolicy.js';
import { inlineHtmlTag } from '../../shared/markdown/inlineHtml.js';
import { htmlBlockRenders } from '../../shared/markdown/rawInlineKind.js';
import { sanitizeRawHtml } from './htmlSanitizer.js';

/** An image's source as written → what the page shows: an embeddable address, or why there is none. */
export type ImageSource = (href: string, alt: string) => { src: string } | { missing: string };

/** What the hook touches of an element (the Node side has no DOM types). */
interface HookElement {
  tagName: string;
  ownerDocument: { createElement(name: string): HookElement };
  textContent: string | null;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  replaceWith(node: HookElement): void;
}

let purifier: DOMPurify | undefined;
let imageSource: ImageSource = () => ({ missing: 'Image not embedded' });
const mediaElements = /^(img|source|video|audio|track|picture)$/i;

// jsdom takes a moment to load: made on the first document that has HTML of its own.
function documentPurifier(): DOMPurify {
  if (purifier) return purifier;
  const made = createDOMPurify(new (loadJsdom())('').window as Parameters<typeof createDOMPurify>[0]);
  made.addHook('afterSanitizeAttributes', (node) => {
    const element = node as unknown as HookElement;
    if (typeof element.tagName !== 'string') return;
    // Paper cannot be clicked open: a collapsed <details> would print as its summary alone.
    if (/^details$/i.test(element.tagName)) element.setAttribute('open', '');
    if (!mediaElements.test(element.tagName)) return;
    element.removeAttribute('srcset');
    for (const name of ['src', 'poster']) {
      const value = element.getAttribute(name);
      if (value === null) continue;
      const shown = imageSource(value, element.getAttribute('alt') ?? '');
      if ('src' in shown) {
        element.setAttribute(name, shown.src);
        continue;
      }
      element.removeAttribute(name);
      const note = element.ownerDocument.createElement('span');
      note.setAttribute('class', 'image-alt');
      note.textContent = shown.missing;
      element.replaceWith(note);
      return;
    }
  });
  purifier = made;
  return made;
}

/** The HTML an export prints for a raw HTML token of a document (`block`: a block of its own). */
export function sanitizeDocumentHtml(raw: string, block: boolean, images: ImageSource): string {
  if (!block) {
    const tag = inlineHtmlTag(raw.trim());
    if (tag) return tag.empty ? '<br>' : `<${tag.closing ? '/' : ''}${tag.name}>`;
  }
  const whole = block ? htmlBlockRenders(raw) : /^<img\b[^<>]*>$/i.test(raw.trim());
  if (!whole) return sanitizeRawHtml(raw);
  imageSource = images;
  try {
    return documentPurifier().sanitize(raw, htmlPolicy);
  } finally {
    imageSource = () => ({ missing: 'Image not embedded' });
  }
}
