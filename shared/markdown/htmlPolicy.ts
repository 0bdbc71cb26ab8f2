/**
 * The one sanitising policy for a document's own HTML, wherever it is shown: the editor (DOMPurify
 * in the page) and every export (DOMPurify over jsdom). A strict profile: HTML only, no scripts,
 * handlers, styles, forms or frames; links and images only to web, mail or workspace addresses.
 */
import type { Config } from 'dompurify';

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
