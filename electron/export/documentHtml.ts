/**
 * One document's Markdown body as bundle HTML: a private marked instance with renderers for
 * requirement blocks (cards) and `[[KEY]]` references, numbered section headings, and every raw
 * HTML fragment, link and image passed through the export's one sanitiser.
 */
import { Lexer, Marked, type Tokens, type TokenizerAndRendererExtension } from 'marked';
import { findInlineStart } from '../../shared/grammar/inlineStart.js';
import {
  isKey,
  matchRequirementBlock,
  referenceAtStart,
  referenceFromMatch,
  type Reference,
  type RequirementAttributes,
} from '../../shared/grammar/linkGrammar.js';
import { shortTitle } from '../../shared/model/keyTitle.js';
import { imageDataUri } from './bundleImages.js';
import { attributes, escapeHtml, safeHref, sanitizeRawHtml } from './htmlSanitizer.js';

export interface TocHeading {
  id: string;
  /** `2` for a document, `2.3` for its third section. */
  number: string;
  text: string;
  level: 1 | 2;
}

export interface DocumentHtmlContext {
  root: string;
  /** Anchor id of every key (document, requirement, roadmap item) present in the bundle. */
  anchors: ReadonlyMap<string, string>;
  /** Titles shown beside the keys of references without a label of their own. */
  titles: ReadonlyMap<string, string>;
}

interface RequirementToken {
  type: 'requirement';
  raw: string;
  attributes: RequirementAttributes;
  tokens: Tokens.Generic[];
}

interface ReferenceToken {
  type: 'reference';
  raw: string;
  reference: Reference;
}

/** The HTML of a document body; its sections are numbered under `number` and collected for the contents. */
export function renderDocumentHtml(
  body: string,
  documentPath: string,
  number: string,
  context: DocumentHtmlContext,
): { html: string; headings: TocHeading[] } {
  const headings: TocHeading[] = [];
  const usedIds = new Set<string>();
  const marked = new Marked({ gfm: true, async: false });
  marked.use({
    extensions: [requirementExtension(context), referenceExtension(context)],
    renderer: {
      heading({ tokens, depth }) {
        const text = this.parser.parseInline(tokens);
        const level = Math.min(6, Math.max(2, depth === 1 ? 2 : depth));
        if (level === 2) {
          const sectionNumber = `${number}.${headings.length + 1}`;
          const id = `section-${sectionNumber.replace(/\./g, '-')}`;
          headings.push({ id, number: sectionNumber, text: plainText(text), level: 2 });
          return `<h2 id="${id}"><span class="number">${sectionNumber}</span> ${text}</h2>\n`;
        }
        const id = uniqueId(`${number}-${slugOf(plainText(text))}`, usedIds);
        return `<h${level} id="${escapeHtml(id)}">${text}</h${level}>\n`;
      },
      html({ text }) {
        return sanitizeRawHtml(text);
      },
      link({ href, title, tokens }) {
        const text = this.parser.parseInline(tokens);
        const safe = safeHref(href);
        if (safe === undefined) return `<span class="unlinked">${text}</span>`;
        const external = !safe.startsWith('#');
        return `<a${attributes({ href: safe, title: title ?? undefined, class: external ? 'external' : undefined })}>${text}</a>`;
      },
      image({ href, title, text }) {
        const data = imageDataUri(context.root, documentPath, href);
        if (data === undefined) return `<span class="image-alt">${escapeHtml(text || 'image')}</span>`;
        return `<img${attributes({ src: data, alt: text, title: title ?? undefined })}>`;
      },
      checkbox({ checked }) {
        return `<span class="checkbox${checked ? ' checked' : ''}" role="img" aria-label="${checked ? 'done' : 'to do'}"></span> `;
      },
    },
  });
  const text = body.replace(/\r\n?/g, '\n');
  try {
    if (hasHugeInlineRun(marked, text)) return { html: unrendered(text), headings: [] };
    return { html: marked.parse(text, { async: false }), headings };
  } catch {
    // marked overflows its stack on some huge inputs (a 9 MB paragraph): print the text rather than fail the bundle.
    return { html: unrendered(text), headings: [] };
  }
}

/** marked's inline lexer is quadratic in a paragraph's links, code spans and escapes: 100,000 links took minutes. */
const largestInlineRun = 64 * 1024;

function hasHugeInlineRun(marked: Marked, text: string): boolean {
  const lexer = new Lexer(marked.defaults);
  lexer.blockTokens(text, lexer.tokens);
  return lexer.inlineQueue.some((item) => item.src.length > largestInlineRun);
}

function unrendered(text: string): string {
  return `<pre class="unrendered">${escapeHtml(text)}</pre>\n`;
}

function requirementExtension(context: DocumentHtmlContext): TokenizerAndRendererExtension {
  return {
    name: 'requirement',
    level: 'block',
    // Only where a whole block matches, or marked would cut the surrounding paragraph in two.
    start(source) {
      const pattern = /(?:^|\n)(:::requirement\{)/g;
      for (let match = pattern.exec(source); match; match = pattern.exec(source)) {
        const index = match.index + match[0].length - match[1]!.length;
        if (matchRequirementBlock(source.slice(index))) return index;
      }
      return undefined;
    },
    tokenizer(source) {
      const match = matchRequirementBlock(source);
      if (!match) return undefined;
      const raw = source.startsWith('\n', match.raw.length) ? `${match.raw}\n` : match.raw;
      const token: RequirementToken = {
        type: 'requirement',
        raw,
        attributes: match.attributes,
        tokens: this.lexer.blockTokens(match.inner, []) as Tokens.Generic[],
      };
      return token;
    },
    renderer(token) {
      const { attributes: requirement, tokens } = token as unknown as RequirementToken;
      const id = context.anchors.get(requirement.key) ?? `requirement-${requirement.key}`;
      const badges = [
        requirement.priority ? badge('priority', requirement.priority) : '',
        requirement.status ? badge('status', requirement.status) : '',
      ].join('');
      const roadmap = requirement.roadmap.map((key) => keyLink(key, key, context)).join(', ');
      return `<section class="requirement" id="${escapeHtml(id)}" aria-label="Requirement ${escapeHtml(requirement.key)}">
<div class="requirement-header"><span class="requirement-key">${escapeHtml(requirement.key)}</span>${badges}${
        roadmap ? `<span class="delivers">Delivers ${roadmap}</span>` : ''
      }</div>
<div class="requirement-body">${this.parser.parse(tokens)}</div>
</section>\n`;
    },
  };
}

function referenceExtension(context: DocumentHtmlContext): TokenizerAndRendererExtension {
  return {
    name: 'reference',
    level: 'inline',
    start(source) {
      const index = findInlineStart(
        source,
        /\[/g,
        (text, at) => text[at - 1] !== '!' && referenceAtStart.test(text.slice(at)),
      );
      return index === -1 ? undefined : index;
    },
    tokenizer(source) {
      const match = referenceAtStart.exec(source);
      if (!match) return undefined;
      const token: ReferenceToken = {
        type: 'reference',
        raw: match[0],
        reference: referenceFromMatch(match),
      };
      return token;
    },
    renderer(token) {
      const { reference } = token as unknown as ReferenceToken;
      const key =
        reference.anchor !== undefined && isKey(reference.anchor) ? reference.anchor : reference.target;
      if (reference.label !== undefined) return keyLink(key, reference.label, context, reference.target);
      const text =
        reference.anchor === undefined ? reference.target : `${reference.target} › ${reference.anchor}`;
      const title = context.titles.get(key) ?? context.titles.get(reference.target);
      return keyLink(
        key,
        text,
        context,
        reference.target,
        title === undefined ? undefined : shortTitle(title),
      );
    },
  };
}

/** An internal link when the key is in the bundle, the plain key otherwise; a title goes beside the key. */
export function keyLink(
  key: string,
  text: string,
  context: Pick<DocumentHtmlContext, 'anchors'>,
  fallback?: string,
  title?: string,
): string {
  const id = context.anchors.get(key) ?? (fallback === undefined ? undefined : context.anchors.get(fallback));
  const keyText = `<span class="key">${escapeHtml(text)}</span>`;
  if (title === undefined) {
    if (id === undefined) return keyText;
    return `<a class="key" href="#${escapeHtml(id)}">${escapeHtml(text)}</a>`;
  }
  const named = `${keyText} <span class="key-title">${escapeHtml(title)}</span>`;
  if (id === undefined) return `<span class="reference">${named}</span>`;
  return `<a class="reference" href="#${escapeHtml(id)}">${named}</a>`;
}

function badge(kind: string, value: string): string {
  const label = value.replace(/-/g, ' ');
  return `<span class="badge ${kind} ${kind}-${escapeHtml(value.replace(/[^a-z0-9-]/gi, ''))}">${escapeHtml(label)}</span>`;
}

function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

function slugOf(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '') || 'section'
  );
}

function uniqueId(id: string, used: Set<string>): string {
  let candidate = id;
  for (let count = 2; used.has(candidate); count++) candidate = `${id}-${count}`;
  used.add(candidate);
  return candidate;
}
