/**
 * Markup the editor shows but did not write: math typeset by KaTeX as MathML (which Chromium draws
 * without KaTeX's fonts or styles) and a document's own HTML blocks, each through DOMPurify.
 */
import DOMPurify from 'dompurify';
import katex from 'katex';

/** MathML for TeX, or undefined when KaTeX cannot read it (the source is shown instead). */
export function mathMarkup(tex: string, display: boolean): string | undefined {
  try {
    const html = katex.renderToString(tex, {
      displayMode: display,
      output: 'mathml',
      throwOnError: true,
      trust: false,
      maxExpand: 200,
    });
    return DOMPurify.sanitize(html, { USE_PROFILES: { mathMl: true, html: true } });
  } catch {
    return undefined;
  }
}

const voidElements = new Set(['br', 'hr', 'img', 'wbr', 'input', 'source', 'col', 'area', 'meta', 'link']);

/**
 * A document's HTML block as safe markup: no scripts, handlers, styles, forms or frames; links and
 * images only to web or workspace addresses. Undefined for a fragment that opens or closes an element
 * another block holds (`<details>` here, `</details>` later): it has no form of its own.
 */
export function htmlBlockMarkup(source: string): string | undefined {
  const tags = source.matchAll(/<(\/?)([A-Za-z][A-Za-z0-9-]*)\b[^>]*?(\/?)>/g);
  let depth = 0;
  for (const [, closing, name, selfClosing] of tags) {
    if (voidElements.has(name!.toLowerCase()) || selfClosing) continue;
    depth += closing ? -1 : 1;
    if (depth < 0) return undefined;
  }
  if (depth !== 0) return undefined;
  const clean = DOMPurify.sanitize(source, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed'],
    FORBID_ATTR: ['style'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#|[^:]*$)/i,
  });
  return clean.trim() === '' ? undefined : clean;
}
