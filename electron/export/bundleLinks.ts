/**
 * Where a link by name (`[[Note#Heading]]`, `[[#Heading]]`, `[text](other.md#heading)`) leads in a
 * bundle: to the document or heading when it is printed in the bundle, else to plain text a reader
 * understands: the note's title, and on its first mention in a document "(not included)".
 */
import { findHeading, headingIds } from '../../shared/model/headingAnchor.js';
import { nameLinkText, type NameLink } from '../../shared/grammar/nameLinkGrammar.js';
import { escapeHtml } from './htmlSanitizer.js';

/** A document a link by name leads to. */
export interface NamedTarget {
  path: string;
  title: string;
  key?: string;
}

/** A document printed in the bundle: its article's id, its headings' id prefix, its headings in order. */
export interface BundlePlace {
  id: string;
  prefix: string;
  title: string;
  headings: readonly { text: string; level: number }[];
  /** Its block ids (`^id`), which `[[Note#^id]]` lands on. */
  blockIds?: readonly string[];
}

export interface BundleLinkContext {
  /** The bundle's documents by workspace path. */
  places?: ReadonlyMap<string, BundlePlace>;
  /** Anchor ids by key: a keyed document's id where no place is given. */
  anchors?: ReadonlyMap<string, string>;
  resolveName?: (link: NameLink, fromPath: string) => NamedTarget | undefined;
  /** Paths of notes outside the bundle this document already said "(not included)" for. */
  mentioned?: Set<string>;
}

/** The id a block id's anchor gets in a document printed under `idPrefix`. */
export function blockAnchorId(idPrefix: string, id: string): string {
  return `${idPrefix}block-${id}`;
}

/** `#id` of the document, or of its heading `anchor`, when the bundle prints it. */
export function placeHref(place: BundlePlace | undefined, anchor: string | undefined): string | undefined {
  if (place === undefined) return undefined;
  if (anchor?.startsWith('^') && place.blockIds?.includes(anchor.slice(1)))
    return `#${blockAnchorId(place.prefix, anchor.slice(1))}`;
  if (anchor === undefined || anchor.startsWith('^')) return `#${place.id}`;
  const texts = place.headings.map((heading) => heading.text);
  const index = findHeading(texts, anchor);
  // The first H1 repeating the title is printed as the document's own heading, under its article id.
  const isTitle =
    index === 0 &&
    place.headings[0]!.level === 1 &&
    texts[0]!.trim().toLowerCase() === place.title.trim().toLowerCase();
  if (index === -1 || isTitle) return `#${place.id}`;
  return `#${place.prefix}${headingIds(texts)[index]!}`;
}

/**
 * A link by name as HTML: a jump within the bundle, or the target's title as text; `text` is the
 * link's own words (already HTML) when it has some. Undefined when the link names nothing in the
 * workspace and `text` was given (the caller keeps its own rendering).
 */
export function nameLinkHtml(
  link: NameLink,
  documentPath: string,
  context: BundleLinkContext,
  text?: string,
): string | undefined {
  const self = link.target === '';
  const target = self ? undefined : context.resolveName?.(link, documentPath);
  const place = context.places?.get(self ? documentPath : (target?.path ?? ''));
  const words = text ?? escapeHtml(nameLinkText(link, target?.title ?? place?.title));
  const keyed = target?.key === undefined ? undefined : context.anchors?.get(target.key);
  const href = placeHref(place, link.anchor) ?? (keyed === undefined ? undefined : `#${keyed}`);
  if (href !== undefined) return `<a class="name-link" href="${escapeHtml(href)}">${words}</a>`;
  if (target === undefined)
    return text === undefined ? `<span class="name-link missing">${words}</span>` : undefined;
  const first = !context.mentioned?.has(target.path);
  context.mentioned?.add(target.path);
  const note = first ? '<span class="outside-note"> (not included)</span>' : '';
  return `<span class="name-link outside" title="${escapeHtml(target.path)}">${words}</span>${note}`;
}
