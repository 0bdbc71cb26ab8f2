/**
 * The one sanitiser for every HTML the export emits. Documents are untrusted: their raw HTML is
 * escaped unless it is a bare formatting tag from a short allowlist (no attributes at all, so no
 * handlers, styles or URLs), and every URL we write passes `safeHref`.
 */
import { isAllowedLink } from '../../shared/markdown/markdownExtensions.js';

const allowedTags = new Set([
  'b',
  'i',
  'em',
  'strong',
  'u',
  's',
  'del',
  'ins',
  'mark',
  'small',
  'sub',
  'sup',
  'kbd',
  'abbr',
  'br',
  'hr',
  'p',
  'div',
  'span',
  'blockquote',
  'details',
  'summary',
  'dl',
  'dt',
  'dd',
  'figure',
  'figcaption',
  'center',
]);
const bareTagPattern =
  /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\s*(\/?)>|<details\s+open(?:\s*=\s*(?:""|''|"open"|'open'|open))?\s*>/gi;
const commentPattern = /<!--[\s\S]*?(?:-->|$)/g;

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Text between tags: entities such as `&copy;` stay (they cannot open a tag); everything else is escaped. */
function escapeText(text: string): string {
  return escapeHtml(text).replace(/&amp;(#[0-9]{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/gi, '&$1;');
}

/**
 * Raw HTML from a document, made safe: comments dropped, allowlisted bare tags kept, everything
 * else (scripts, iframes, forms, meta, any tag with attributes) shown as text.
 */
export function sanitizeRawHtml(raw: string): string {
  const withoutComments = raw.replace(commentPattern, '');
  let result = '';
  let position = 0;
  for (const match of withoutComments.matchAll(bareTagPattern)) {
    result += escapeText(withoutComments.slice(position, match.index));
    const name = (match[2] ?? 'details').toLowerCase();
    // Paper cannot be clicked open: a collapsed <details> would print as its summary alone, so it prints open.
    if (name === 'details' && match[1] !== '/') result += '<details open>';
    else
      result += allowedTags.has(name) ? `<${match[1]}${name}${match[3] ? ' /' : ''}>` : escapeHtml(match[0]);
    position = match.index + match[0].length;
  }
  return result + escapeText(withoutComments.slice(position));
}

/**
 * An href we may write: http, https, mailto, or an in-document anchor; undefined for anything else
 * (javascript:, data:, vbscript:, file:, relative paths that would not resolve outside the workspace).
 */
export function safeHref(href: string): string | undefined {
  const trimmed = href.trim();
  if (trimmed.startsWith('#')) return trimmed;
  if (!isAllowedLink(trimmed)) return undefined;
  // eslint-disable-next-line no-control-regex -- control characters hide schemes, as in isAllowedLink
  return /^(?:https?:|mailto:)/i.test(trimmed.replace(/[\s\u0000-\u001f]/g, '')) ? trimmed : undefined;
}

/** Attributes we write ourselves: escaped, and never an event handler. */
export function attributes(values: Record<string, string | undefined>): string {
  return Object.entries(values)
    .filter(([name, value]) => value !== undefined && !/^on/i.test(name))
    .map(([name, value]) => ` ${name}="${escapeHtml(value!)}"`)
    .join('');
}

/** What the printed page may never contain; the renderer's tests and the printer check the final HTML. */
export function activeContent(html: string): string[] {
  const found: string[] = [];
  if (/<script\b/i.test(html)) found.push('script');
  if (/<(?:iframe|object|embed|form|base|link)\b/i.test(html)) found.push('embedding or navigation element');
  if (/<[^>]+\son[a-z]+\s*=/i.test(html)) found.push('event handler');
  if (/\b(?:href|src)\s*=\s*"\s*(?:javascript|vbscript):/i.test(html)) found.push('script URL');
  if (/\bhref\s*=\s*"\s*data:/i.test(html)) found.push('data: link');
  return found;
}
