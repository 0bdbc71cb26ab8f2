/**
 * Markup the editor shows but did not write: math typeset by KaTeX as MathML (which Chromium draws
 * without KaTeX's fonts or styles) and a document's own HTML blocks, each through DOMPurify.
 */
import DOMPurify from 'dompurify';
import katex from 'katex';
import { htmlPolicy } from '../../../shared/markdown/htmlPolicy.js';
import { htmlBlockRenders } from '../../../shared/markdown/rawInlineKind.js';
import { stretchableFences } from '../../../shared/markdown/stretchyFences.js';
// The math font for stretchy fences (SIL OFL 1.1), bundled: a fresh machine has no math font.
import '@fontsource/noto-sans-math/400.css';

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
    return DOMPurify.sanitize(stretchableFences(html), { USE_PROFILES: { mathMl: true, html: true } });
  } catch {
    return undefined;
  }
}

/**
 * The HTML blocks' own purifier, so its hook never touches math or pasted HTML. Its hook sends every
 * image, video and audio source through `mediaSource`, set for the length of one synchronous call.
 */
const htmlPurifier = DOMPurify(window);
let mediaSource: (source: string) => string = () => '';
const mediaAttributes = ['src', 'poster'];
htmlPurifier.addHook('afterSanitizeAttributes', (node) => {
  if (!(node instanceof HTMLElement) || !/^(img|source|video|audio|track|picture)$/i.test(node.tagName))
    return;
  // A srcset lists several addresses to choose from: none is loaded rather than each checked.
  node.removeAttribute('srcset');
  for (const name of mediaAttributes) {
    const value = node.getAttribute(name);
    if (value === null) continue;
    const shown = mediaSource(value);
    if (shown) node.setAttribute(name, shown);
    else node.removeAttribute(name);
  }
});

/**
 * A document's HTML block as safe markup, by the policy exports share (htmlPolicy): no scripts, handlers, styles, forms or frames; links to web
 * or workspace addresses; images, video and audio only from the workspace (`mediaSource` maps a
 * source as written to where the app loads it, or '' for one not loaded: remote images are off, as
 * for Markdown images). Undefined for a fragment with no form of its own (htmlBlockRenders).
 */
export function htmlBlockMarkup(source: string, media: (source: string) => string): string | undefined {
  if (!htmlBlockRenders(source)) return undefined;
  mediaSource = media;
  try {
    const clean = htmlPurifier.sanitize(source, htmlPolicy);
    return clean.trim() === '' ? undefined : clean;
  } finally {
    mediaSource = () => '';
  }
}
