/**
 * What vaults and repository docs are written with, in the export: callouts and GitHub alerts as
 * boxes (a folded one printed open, as `<details>` is), `[[name]]` links as the target's title
 * (a link when it is in the bundle), and embeds: images inlined at their size, a note or section
 * printed in a box naming where it comes from.
 */
import { readFileSync } from 'node:fs';
import { type Tokens, type TokenizerAndRendererExtension } from 'marked';
import { calloutKind, defaultCalloutTitle } from '../../shared/grammar/calloutGrammar.js';
import { calloutTokenizer } from '../../shared/markdown/extensions/callout.js';
import { embedCaption, wikiLinkAtStart, type NameLink } from '../../shared/grammar/nameLinkGrammar.js';
import { embedSize } from '../../shared/markdown/extensions/embed.js';
import { findNameLinkStart } from '../../shared/markdown/extensions/wikiLink.js';
import { noteSection } from '../../shared/markdown/noteSection.js';
import { resolveInside } from '../engine/workspacePaths.js';
import { imageDataUri } from './bundleImages.js';
import { attributes, escapeHtml } from './htmlSanitizer.js';
import { nameLinkHtml, type BundleLinkContext, type NamedTarget } from './bundleLinks.js';

/** Where a link by name leads: the file, its title, and its key when it has one. */
export interface VaultHtmlContext extends BundleLinkContext {
  root: string;
  anchors: ReadonlyMap<string, string>;
  resolveName?: (link: NameLink, fromPath: string) => NamedTarget | undefined;
  /** Renders an embedded note's Markdown (without numbering its headings); absent past the depth allowed. */
  renderEmbedded?: (markdown: string, path: string) => string;
}

interface CalloutToken {
  type: 'callout';
  raw: string;
  calloutType: string;
  titleTokens: Tokens.Generic[];
  tokens: Tokens.Generic[];
}

interface NameLinkToken {
  type: 'wikiLink' | 'embed';
  raw: string;
  link: NameLink;
}

export function calloutExtension(): TokenizerAndRendererExtension {
  return {
    ...calloutTokenizer(),
    renderer(token) {
      const callout = token as unknown as CalloutToken;
      const kind = calloutKind(callout.calloutType).replace(/[^a-z0-9-]/g, '');
      const title =
        callout.titleTokens.length > 0
          ? this.parser.parseInline(callout.titleTokens)
          : escapeHtml(defaultCalloutTitle(callout.calloutType));
      return `<div class="callout callout-${kind}">
<p class="callout-title">${title}</p>
${this.parser.parse(callout.tokens)}</div>\n`;
    },
  };
}

function nameLinkTokenizerFor(name: 'wikiLink' | 'embed') {
  const embed = name === 'embed';
  return {
    start(source: string) {
      const index = findNameLinkStart(source, embed);
      return index === -1 ? undefined : index;
    },
    tokenizer(source: string) {
      const found = wikiLinkAtStart(source);
      if (!found || Boolean(found.link.embed) !== embed) return undefined;
      const token: NameLinkToken = { type: name, raw: found.raw, link: found.link };
      return token;
    },
  };
}

/** `[[Note#Heading|label]]`: its label, else the target's title and heading; a jump when the bundle prints it. */
export function wikiLinkExtension(
  documentPath: string,
  context: VaultHtmlContext,
): TokenizerAndRendererExtension {
  return {
    name: 'wikiLink',
    level: 'inline',
    ...nameLinkTokenizerFor('wikiLink'),
    renderer(token) {
      return nameLinkHtml((token as unknown as NameLinkToken).link, documentPath, context) ?? '';
    },
  };
}

const imagePath = /\.(png|jpe?g|gif|webp|svg)$/i;

/** `![[image.png|300]]` inlined at its size; `![[Note#Heading]]` printed in a box naming its source. */
export function embedExtension(
  documentPath: string,
  context: VaultHtmlContext,
): TokenizerAndRendererExtension {
  return {
    name: 'embed',
    level: 'inline',
    ...nameLinkTokenizerFor('embed'),
    renderer(token) {
      const { link } = token as unknown as NameLinkToken;
      const target = context.resolveName?.(link, documentPath);
      if (!target) return `<span class="image-alt">Embed not found: ${escapeHtml(link.target)}</span>`;
      if (imagePath.test(target.path)) {
        const data = imageDataUri(context.root, '', `/${target.path}`);
        if (data === undefined)
          return `<span class="image-alt">Image could not be read: ${escapeHtml(target.path)}</span>`;
        const size = embedSize(link.label);
        const alt = size || !link.label ? target.title : link.label;
        return `<img${attributes({ src: data, alt, width: size ? String(size.width) : undefined, height: size?.height === undefined ? undefined : String(size.height) })}>`;
      }
      if (!/\.md$/i.test(target.path)) return `<span class="name-link">${escapeHtml(target.path)}</span>`;
      const from = escapeHtml(
        embedCaption({ target: link.target, anchor: link.anchor }, target.title, target.title),
      );
      const section = context.renderEmbedded
        ? readSection(context.root, target.path, link.anchor)
        : undefined;
      const body =
        section === undefined
          ? `<span class="embed-stop">${context.renderEmbedded ? 'Section not found' : 'Embedded too deep to print'}</span>`
          : context.renderEmbedded!(section, target.path);
      return `<span class="embed-note"><span class="embed-source">Embedded from ${from}</span>${body}</span>`;
    },
  };
}

function readSection(root: string, path: string, anchor: string | undefined): string | undefined {
  const inside = resolveInside(root, path);
  if (!inside.ok) return undefined;
  try {
    return noteSection(readFileSync(inside.absolute, 'utf8'), anchor)?.markdown;
  } catch {
    return undefined;
  }
}
