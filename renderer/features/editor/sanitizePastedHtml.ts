/**
 * The one sanitiser for HTML entering the editor (paste and drop), on DOMPurify: scripts, frames,
 * forms, media, SVG, MathML, styles and handlers go; links keep only the schemes Markdown links may
 * have (http, https, mailto) and scheme-less targets; images only workspace-relative sources.
 */
import DOMPurify from 'dompurify';
import { isAllowedLink } from '../../../shared/markdown/markdownExtensions.js';

/** Besides what DOMPurify drops by default: whatever could fetch, submit, style or hide content. */
const forbiddenTags = [
  'style',
  'link',
  'meta',
  'base',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'template',
  'noscript',
  'video',
  'audio',
  'source',
  'track',
  'picture',
];
const forbiddenAttributes = ['style', 'srcdoc', 'srcset', 'poster', 'background', 'action', 'formaction'];

const purifier = DOMPurify(window);
purifier.addHook('uponSanitizeAttribute', (element, event) => {
  if (event.attrName === 'href') event.keepAttr = isAllowedLink(event.attrValue);
  // Images come from the workspace only: no scheme (data:, http:…) and no `//host`.
  else if (event.attrName === 'src')
    event.keepAttr = element.nodeName === 'IMG' && !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(event.attrValue);
});

export function sanitizeHtml(html: string): string {
  return purifier.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: forbiddenTags,
    FORBID_ATTR: forbiddenAttributes,
  });
}
