/**
 * The one sanitiser for HTML entering the editor (paste and drop): scripts, frames and handlers go;
 * links keep only http, https, mailto and relative targets; images only workspace-relative sources.
 */
import { isAllowedLink } from '../../../shared/markdown/markdownExtensions.js';

const droppedElements =
  'script, style, iframe, frame, frameset, object, embed, applet, link, meta, base, form, input, button, select, textarea, template, noscript, svg, math, video, audio, source, track';
const urlAttributes = ['href', 'src', 'xlink:href', 'action', 'formaction', 'srcset', 'poster', 'background'];

export function sanitizeHtml(html: string): string {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  for (const element of Array.from(parsed.body.querySelectorAll(droppedElements))) element.remove();
  for (const element of Array.from(parsed.body.querySelectorAll('*'))) {
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on') || name === 'style' || name === 'srcdoc') {
        element.removeAttribute(attribute.name);
      } else if (urlAttributes.includes(name)) {
        const allowed =
          name === 'href'
            ? isAllowedLink(attribute.value)
            : name === 'src' &&
              element.tagName === 'IMG' &&
              !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(attribute.value.trim());
        if (!allowed) element.removeAttribute(attribute.name);
      }
    }
  }
  return parsed.body.innerHTML;
}
