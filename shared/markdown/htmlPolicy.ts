/**
 * The one sanitising policy for a document's own HTML, wherever it is shown: the editor (DOMPurify
 * in the page) and every export (DOMPurify over jsdom). A strict profile: HTML only, no scripts,
 * handlers, styles, forms or frames; links and images only to web, mail or workspace addresses.
 */
import type { Config, DOMPurify } from 'dompurify';

export const htmlPolicy = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: [
    'style',
    'form',
    'input',
    'button',
    'textarea',
    'select',
    'iframe',
    'object',
    'embed',
    'base',
    'link',
    'meta',
  ],
  FORBID_ATTR: ['style'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#|[^:]*$)/i,
} satisfies Config;

/**
 * A Mermaid diagram's SVG, wherever it is shown (editor, exports): SVG only, no scripts, handlers,
 * links or foreign HTML; its own <style> stays (Mermaid's colours and shapes), with nothing that
 * could fetch (`@import`, `url(` outside the SVG's own `#ids`), see `diagramStyleIsSafe`.
 */
export const diagramPolicy = {
  USE_PROFILES: { svg: true, svgFilters: true },
  ADD_TAGS: ['style'],
  FORBID_TAGS: ['a', 'foreignObject', 'script', 'image', 'use', 'iframe'],
  // Nothing points anywhere; DOMPurify's own URI check keeps `url(#marker)` and drops scripts.
  FORBID_ATTR: ['href', 'xlink:href'],
} satisfies Config;

/** Whether a diagram's style text fetches nothing: no `@import`, no `url(` but to its own `#id`. */
export function diagramStyleIsSafe(css: string): boolean {
  return !/@import|url\(\s*['"]?(?!#)/i.test(css);
}

/** A diagram's SVG through `purifier` (the page's DOMPurify, or one over jsdom) and the diagram policy. */
export function sanitizeDiagramSvg(purifier: DOMPurify, svg: string): string {
  const fragment = purifier.sanitize(svg, { ...diagramPolicy, RETURN_DOM_FRAGMENT: true });
  for (const style of fragment.querySelectorAll('style'))
    if (!diagramStyleIsSafe(style.textContent ?? '')) style.remove();
  return [...fragment.childNodes].map((node) => (node as { outerHTML?: string }).outerHTML ?? '').join('');
}
