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
import { scanMarkdown } from '../../shared/grammar/markdownScanner.js';
import { headingIds, headingPlainText, headingSlugger } from '../../shared/model/headingAnchor.js';
import { imageDataUri, missingImage, missingImageText } from './bundleImages.js';
import { locateImageSource } from '../../shared/model/nameResolver.js';
import { sanitizeDocumentHtml } from './sanitizeDocumentHtml.js';
import { attributes, escapeHtml, safeHref } from './htmlSanitizer.js';
import { calloutExtension, embedExtension, wikiLinkExtension } from './vaultMarkdownHtml.js';
import { footnoteDefinitionExtension, highlightExtension, noteAtomExtension } from './noteMarkupHtml.js';
import { localTarget, type NameLink } from '../../shared/grammar/nameLinkGrammar.js';
import type { DiagramResult } from '../../shared/markdown/mermaidSettings.js';
import type { SoftBreakStyle } from '../../shared/contract/apiContract.js';
import { diagramHtml, isDiagramLanguage } from './diagramHtml.js';
import { checkboxHtml, customTaskBoxes } from './taskBoxHtml.js';
import { nameLinkHtml, type BundlePlace, type NamedTarget } from './bundleLinks.js';
import { footnoteNumbers, footnoteReferenceLabels } from '../../shared/markdown/footnoteNumbers.js';

export interface TocHeading {
  id: string;
  /** `2` for a document, `2.3` for its third section. */
  number: string;
  text: string;
  level: 1 | 2;
}

export interface DocumentHtmlContext {
  root: string;
  /** The document's title, printed above its body: a first H1 saying the same is not printed again. */
  title?: string;
  /** Anchor id of every key (document, requirement, roadmap item) present in the bundle. */
  anchors: ReadonlyMap<string, string>;
  /** Titles shown beside the keys of references without a label of their own. */
  titles: ReadonlyMap<string, string>;
  /** Where a `[[name]]` link or `![[embed]]` leads, by the workspace's name resolution. */
  resolveName?: (link: NameLink, fromPath: string) => NamedTarget | undefined;
  /** The bundle's documents by path: where `[[Note#Heading]]` and `[text](note.md#heading)` jump to. */
  places?: ReadonlyMap<string, BundlePlace>;
  /** How many embeds deep this body is printed: an embedded note's headings are not numbered. */
  embedDepth?: number;
  /** Mermaid diagrams drawn for this bundle, by source; a diagram not in it prints as code. */
  diagrams?: ReadonlyMap<string, DiagramResult>;
  /** Collects the source of every Mermaid diagram printed, for drawing before the final render. */
  diagramSources?: Set<string>;
  /** `line`: a single newline in a paragraph prints as a line break, as the workspace shows it. */
  softBreaks?: SoftBreakStyle;
}

/** Notes embedded in embedded notes are printed to this depth (a note embedding itself stops). */
const embedDepthLimit = 2;

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
  const text = body.replace(/\r\n?/g, '\n');
  const outline = outlineOf(text, context.title);
  // GitHub's ids, under a prefix per document: a bundle holds several documents' "Overview".
  const prefix = `d${number.replace(/\./g, '-')}-`;
  const slug = headingSlugger();
  const footnotes = footnoteNumbers(footnoteReferenceLabels(text));
  const marked = new Marked({ gfm: true, async: false, breaks: context.softBreaks === 'line' });
  let headingIndex = -1;
  let subsections = 0;
  const depth = context.embedDepth ?? 0;
  const locatedImage = (href: string) =>
    locateImageSource(href, (link) => context.resolveName?.(link, documentPath)?.path);
  const vault = {
    root: context.root,
    anchors: context.anchors,
    resolveName: context.resolveName,
    ...(context.places === undefined ? {} : { places: context.places }),
    mentioned: new Set<string>(),
    renderEmbedded:
      depth >= embedDepthLimit
        ? undefined
        : (markdown: string, path: string) =>
            renderDocumentHtml(markdown, path, `${number}-${depth + 1}`, {
              ...context,
              title: undefined,
              embedDepth: depth + 1,
            }).html,
  };
  marked.use({
    walkTokens: customTaskBoxes,
    extensions: [
      requirementExtension(context),
      referenceExtension(context),
      calloutExtension(),
      wikiLinkExtension(documentPath, vault),
      embedExtension(documentPath, vault),
      noteAtomExtension(prefix, footnotes),
      highlightExtension(),
      footnoteDefinitionExtension(prefix, footnotes),
    ],
    renderer: {
      heading({ tokens, depth: headingDepth }) {
        const text = this.parser.parseInline(tokens);
        if (depth > 0) return `<p class="embedded-heading" dir="auto">${text}</p>\n`;
        headingIndex++;
        const id = `${prefix}${slug(plainText(text))}`;
        if (headingIndex === 0 && outline.dropFirst) return '';
        // The levels the document uses, shallowest first, become h2, h3, …: a note of H1 and H3 has no gap.
        const level = Math.min(6, 2 + outline.levels.filter((used) => used < headingDepth).length);
        if (level === 2) {
          const sectionNumber = `${number}.${headings.length + 1}`;
          subsections = 0;
          headings.push({ id, number: sectionNumber, text: plainText(text), level: 2 });
          return `<h2 id="${escapeHtml(id)}" dir="auto"><span class="number">${sectionNumber}</span> ${text}</h2>\n`;
        }
        // The next level down is numbered too (1.2.3), under a numbered section; deeper ones are not.
        if (level === 3 && headings.length > 0) {
          const sectionNumber = `${headings[headings.length - 1]!.number}.${++subsections}`;
          return `<h3 id="${escapeHtml(id)}" dir="auto"><span class="number">${sectionNumber}</span> ${text}</h3>\n`;
        }
        return `<h${level} id="${escapeHtml(id)}" dir="auto">${text}</h${level}>\n`;
      },
      // Each block takes its direction from its own text: a Hebrew or Arabic paragraph reads right to left.
      // A task item loses its bullet, not the list: Obsidian lists mix bullets and tasks.
      listitem({ tokens, task }) {
        return `<li${task ? ' class="task"' : ''} dir="auto">${this.parser.parse(tokens)}</li>\n`;
      },
      tablecell({ tokens, header, align }) {
        const tag = header ? 'th' : 'td';
        return `<${tag}${attributes({ align: align ?? undefined, dir: 'auto' })}>${this.parser.parseInline(tokens)}</${tag}>\n`;
      },
      html({ text, block }) {
        return sanitizeDocumentHtml(text, block, (href, alt) => {
          const data = imageDataUri(context.root, documentPath, locatedImage(href));
          return data === undefined
            ? { missing: missingImageText(context.root, documentPath, href, alt) }
            : { src: data };
        });
      },
      paragraph({ tokens }) {
        // A note embedded alone on its line is a block of its own, not text inside a paragraph.
        const content = tokens.filter((token) => !(token.type === 'text' && token.raw.trim() === ''));
        const alone = content.length === 1 && content[0]!.type === 'embed';
        const html = this.parser.parseInline(tokens);
        if (alone && html.startsWith('<span class="embed-note">'))
          return `<div class="embed-block">${html}</div>\n`;
        // An image in a line of text (`Click ![[icon.png]] then`) stays in the line instead of a block of its own.
        const inLine = content.some(
          (token) => token.type !== 'image' && token.type !== 'embed' && token.type !== 'br',
        );
        const paragraph = (inner: string) =>
          `<p dir="auto">${inLine ? inner.replace(/<img /g, '<img class="inline-image" ') : inner}</p>\n`;
        if (!html.includes('<span class="embed-note">')) return paragraph(html);
        // A note embedded inside a line holds blocks, which cannot sit in a paragraph: the line is cut around it.
        const parts: string[] = [];
        let run: typeof tokens = [];
        const flush = () => {
          const text = this.parser.parseInline(run).trim();
          if (text !== '') parts.push(paragraph(text));
          run = [];
        };
        for (const token of tokens) {
          const rendered = token.type === 'embed' ? this.parser.parseInline([token]) : '';
          if (!rendered.startsWith('<span class="embed-note">')) {
            run.push(token);
            continue;
          }
          flush();
          parts.push(`<div class="embed-block">${rendered}</div>\n`);
        }
        flush();
        return parts.join('');
      },
      link({ href, title, tokens }) {
        const text = this.parser.parseInline(tokens);
        const own = ownHeading(href, outline.ids);
        const local = own === undefined ? localTarget(href) : undefined;
        const named =
          local === undefined || local.path === ''
            ? undefined
            : nameLinkHtml(
                {
                  target: local.path,
                  ...(local.anchor === undefined ? {} : { anchor: local.anchor }),
                  form: 'markdown',
                },
                documentPath,
                vault,
                text,
              );
        if (named !== undefined) return named;
        const safe = own === undefined ? safeHref(href) : `#${prefix}${own}`;
        if (safe === undefined) return `<span class="unlinked">${text}</span>`;
        const external = !safe.startsWith('#');
        return `<a${attributes({ href: safe, title: title ?? undefined, class: external ? 'external' : undefined })}>${text}</a>`;
      },
      image({ href, title, text }) {
        const data = imageDataUri(context.root, documentPath, locatedImage(href));
        if (data === undefined) return missingImage(context.root, documentPath, href, text);
        return `<img${attributes({ src: data, alt: text, title: title ?? undefined })}>`;
      },
      code({ text, lang }) {
        if (!isDiagramLanguage(lang)) return false;
        context.diagramSources?.add(text);
        const drawn = context.diagrams?.get(text);
        return drawn === undefined ? false : diagramHtml(text, drawn);
      },
      checkbox: checkboxHtml,
    },
  });
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

/** Which first heading repeats the title, how deep the shallowest heading is, and GitHub's id of each. */
function outlineOf(
  text: string,
  title: string | undefined,
): { dropFirst: boolean; levels: number[]; ids: Set<string> } {
  const headings = scanMarkdown(text).headings;
  const first = headings[0];
  const dropFirst =
    first !== undefined &&
    first.level === 1 &&
    title !== undefined &&
    headingPlainText(first.text).toLowerCase() === title.trim().toLowerCase();
  const rest = dropFirst ? headings.slice(1) : headings;
  const levels = [...new Set(rest.map((heading) => heading.level))];
  return { dropFirst, levels, ids: new Set(headingIds(headings.map((heading) => heading.text))) };
}

/** `#some-heading` pointing at a heading of this document: its GitHub id, else undefined. */
function ownHeading(href: string, ids: ReadonlySet<string>): string | undefined {
  if (!href.startsWith('#')) return undefined;
  let fragment: string;
  try {
    fragment = decodeURIComponent(href.slice(1));
  } catch {
    return undefined;
  }
  if (ids.has(fragment)) return fragment;
  return ids.has(fragment.toLowerCase()) ? fragment.toLowerCase() : undefined;
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
