/**
 * Release notes as one self-contained HTML page for a newsletter, a help centre or an email: the
 * notes' Markdown through the export's sanitiser (raw HTML escaped unless a bare allowlisted tag,
 * links only http, https and mailto, no images), no script and no network.
 */
import { Marked } from 'marked';
import { attributes, escapeHtml, safeHref, sanitizeRawHtml } from './htmlSanitizer.js';

/** No scripts, no network, no images: only the page's own styles. */
const contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";

/** Light, or dark where the reader's system (or the app's preview) asks for it. */
const styles = `
:root { color-scheme: light dark; }
body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; color: light-dark(#1f2328, #e6e8eb); background: light-dark(#ffffff, #1e2125); margin: 0; }
main { max-width: 44rem; margin: 3rem auto; padding: 0 1.5rem; }
h1 { font-size: 2rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; padding-bottom: .25rem; border-bottom: 1px solid light-dark(#d0d7de, #33383e); }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .25rem; }
li { margin: .35rem 0; }
a { color: light-dark(#0969da, #7c9cff); }
`;

export function releaseNotesHtml(markdown: string, title: string): string {
  const marked = new Marked({ gfm: true, async: false });
  marked.use({
    renderer: {
      html({ text }) {
        return sanitizeRawHtml(text);
      },
      link({ href, title: linkTitle, tokens }) {
        const text = this.parser.parseInline(tokens);
        const safe = safeHref(href);
        return safe === undefined
          ? text
          : `<a${attributes({ href: safe, title: linkTitle ?? undefined })}>${text}</a>`;
      },
      image({ text }) {
        return escapeHtml(text);
      },
    },
  });
  const body = marked.parse(markdown.replace(/\r\n?/g, '\n'), { async: false });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${styles}</style>
</head>
<body>
<main>
${body}</main>
</body>
</html>
`;
}
