/**
 * Markup the editor shows but did not write: math typeset by KaTeX as MathML (which Chromium draws
 * without KaTeX's fonts or styles) and a document's own HTML blocks, each through DOMPurify.
 */
import DOMPurify from 'dompurify';
import katex from 'katex';
import { htmlBlockRenders } from '../../../shared/markdown/rawInlineKind.js';

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

/**
 * A document's HTML block as safe markup: no scripts, handlers, styles, forms or frames; links and
 * images only to web or workspace addresses. Undefined for a fragment with no form of its own
 * (htmlBlockRenders).
 */
export function htmlBlockMarkup(source: string): string | undefined {
  if (!htmlBlockRenders(source)) return undefined;
  const clean = DOMPurify.sanitize(source, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed'],
    FORBID_ATTR: ['style'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#|[^:]*$)/i,
  });
  return clean.trim() === '' ? undefined : clean;
}
