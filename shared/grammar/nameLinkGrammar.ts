/**
 * Links by name, as Obsidian and GitHub write them: `[[Note]]`, `[[folder/Note#Heading|label]]`,
 * `[[#Heading]]`, `[[Note#^block]]`, embeds `![[image.png|300]]`, and relative Markdown links and
 * images `[text](../other.md#heading)`. `[[KEY]]` references are Specbench's own (linkGrammar.ts).
 */
import { tagPattern } from './inlineMarkers.js';
import { isKey } from './linkGrammar.js';

export interface NameLink {
  /** The name, path or alias linked to (`Note`, `folder/Note`, `../other.md`); '' for the document itself. */
  target: string;
  /** What follows `#`: a heading (`Heading`, `Parent#Child`) or a block id (`^id`). */
  anchor?: string;
  /** What follows `|` in a wikilink (an embed's size, `300`), or a Markdown link's text. */
  label?: string;
  /** `![[…]]`, `![…](…)` or `<img src>`: shown in place rather than linked. */
  embed?: boolean;
  form: 'wiki' | 'markdown';
}

/** `[[target#anchor|label]]` with an optional `!`; in a table the bar is escaped (`\|`). */
const wikiLinkSource = String.raw`(!?)\[\[([^\[\]|#\\\n]*)(?:#([^\[\]|\\\n]*))?(?:\\?\|([^\]\n]*))?\]\]`;

export function wikiLinkPatternGlobal(): RegExp {
  return new RegExp(wikiLinkSource, 'g');
}

const wikiLinkAtStartPattern = new RegExp(`^${wikiLinkSource}`);

/** A wikilink or embed by name at the start of `source` (not a `[[KEY]]` reference), with its text. */
export function wikiLinkAtStart(source: string): { raw: string; link: NameLink } | undefined {
  if (!source.startsWith('[[') && !source.startsWith('![[')) return undefined;
  const match = wikiLinkAtStartPattern.exec(source);
  if (!match) return undefined;
  const link = nameLinkFromMatch(match, source.slice(match[0].length));
  return link ? { raw: match[0], link } : undefined;
}

/** `[[target#anchor|label]]`, `![[…]]` for an embed. */
export function formatWikiLink(link: Pick<NameLink, 'target' | 'anchor' | 'label' | 'embed'>): string {
  const anchor = link.anchor === undefined ? '' : `#${link.anchor}`;
  const label = link.label === undefined ? '' : `|${link.label}`;
  return `${link.embed ? '!' : ''}[[${link.target}${anchor}${label}]]`;
}

/**
 * A name link from a wikilink match, or undefined for what is not one: a `[[KEY]]` reference, an
 * empty `[[]]`, or `[[1]](url)`, which GitHub renders as a bracketed link (a citation), not a wikilink.
 */
export function nameLinkFromMatch(match: RegExpExecArray, after: string): NameLink | undefined {
  const embed = match[1] === '!';
  const target = match[2]!.trim();
  const anchor = match[3]?.trim();
  if (target === '' && (anchor === undefined || anchor === '')) return undefined;
  if (!embed && isKey(target)) return undefined;
  if (after.startsWith('(')) return undefined;
  const link: NameLink = { target, form: 'wiki' };
  if (anchor !== undefined && anchor !== '') link.anchor = anchor;
  if (match[4] !== undefined) link.label = match[4];
  if (embed) link.embed = true;
  return link;
}

/** `[text](destination "title")` or `![alt](destination)`; the text may hold one level of brackets (a badge image). */
const markdownLinkPattern =
  /(!?)\[((?:[^[\]\\]|\\.|\[(?:[^[\]\\]|\\.)*\])*)\]\(\s*(<[^<>\n]*>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))+)(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?\s*\)/g;

/**
 * Markdown links and images in one line of visible text (code spans and comments already blanked);
 * each link's text is read from `written`, the line as written, so code in it (`` [`Pool`](…) ``) is kept.
 */
export function markdownLinksIn(line: string, written = line): { link: NameLink; column: number }[] {
  const found: { link: NameLink; column: number }[] = [];
  const visit = (text: string, offset: number): void => {
    markdownLinkPattern.lastIndex = 0;
    const matches = Array.from(text.matchAll(markdownLinkPattern));
    for (const match of matches) {
      const index = match.index;
      if (isEscaped(text, index)) continue;
      const embed = match[1] === '!';
      const local = localTarget(match[3]!);
      if (local) {
        const labelStart = offset + index + match[1]!.length + 1;
        const label = written.slice(labelStart, labelStart + match[2]!.length);
        const link: NameLink = { target: local.path, form: 'markdown', label };
        if (local.anchor !== undefined) link.anchor = local.anchor;
        if (embed) link.embed = true;
        found.push({ link, column: offset + index + 1 });
      }
      // A badge image inside a link's text: `[![build](badge.svg)](ci.md)`.
      if (!embed && match[2]!.includes('](')) visit(match[2]!, offset + index + 1);
    }
  };
  visit(line, 0);
  return found.sort((a, b) => a.column - b.column);
}

/** `<img src="…">` in raw HTML: its local source, as an embed. */
export function htmlImagesIn(line: string): { link: NameLink; column: number }[] {
  const found: { link: NameLink; column: number }[] = [];
  for (const match of line.matchAll(/<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi)) {
    const local = localTarget(match[1] ?? match[2] ?? match[3] ?? '');
    if (local && local.path !== '') {
      found.push({ link: { target: local.path, form: 'markdown', embed: true }, column: match.index + 1 });
    }
  }
  return found;
}

/**
 * A link destination inside the workspace: its path (percent-decoded, without query) and anchor;
 * undefined for a URL with a scheme or a protocol-relative URL. A site-root path (`/docs/api.md`)
 * keeps its `/`: the resolver reads it from the repository's root, as GitHub does.
 */
export function localTarget(destination: string): { path: string; anchor?: string } | undefined {
  let value = destination.trim();
  if (value.startsWith('<') && value.endsWith('>')) value = value.slice(1, -1);
  value = value.replace(/\\([!-/:-@[-`{-~])/g, '$1');
  if (value === '' || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(value) || value.startsWith('//')) return undefined;
  const hash = value.indexOf('#');
  let path = hash === -1 ? value : value.slice(0, hash);
  const anchor = hash === -1 ? undefined : decode(value.slice(hash + 1));
  const query = path.indexOf('?');
  if (query !== -1) path = path.slice(0, query);
  path = decode(path);
  if (path === '' && (anchor === undefined || anchor === '')) return undefined;
  return anchor === undefined || anchor === '' ? { path } : { path, anchor };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** An Obsidian block id ending a line: `text ^block-1`. */
const blockIdPattern = /(?:^|[ \t])\^([A-Za-z0-9-]+)[ \t]*$/;

export function blockIdIn(line: string): string | undefined {
  return blockIdPattern.exec(line)?.[1];
}

/** Each attribute `id="…"` (any element) or `name="…"` (an `<a>`) inside the HTML tags of one line. */
const htmlTagPattern = /<([A-Za-z][\w-]*)(\s[^<>]*)>/g;
const htmlAnchorAttributePattern = /\s(id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;

/** The HTML anchors of one line of visible text (`<span id="7">`, `<a name="x">`), which `#7` may point to. */
export function htmlAnchorsIn(line: string): string[] {
  const anchors: string[] = [];
  for (const tag of line.matchAll(htmlTagPattern)) {
    for (const attribute of tag[2]!.matchAll(htmlAnchorAttributePattern)) {
      if (attribute[1]!.toLowerCase() === 'name' && tag[1]!.toLowerCase() !== 'a') continue;
      const value = (attribute[2] ?? attribute[3] ?? attribute[4] ?? '').trim();
      if (value !== '') anchors.push(value);
    }
  }
  return anchors;
}

export function tagsIn(line: string): string[] {
  return Array.from(line.matchAll(tagPattern()), (match) => match[3]!);
}

function isEscaped(text: string, index: number): boolean {
  let backslashes = 0;
  for (let position = index - 1; position >= 0 && text[position] === '\\'; position--) backslashes++;
  return backslashes % 2 === 1;
}

/**
 * What a link by name reads as: its label, else the target's title and the heading it points into
 * (`Plan › Risks`); `[[#Heading]]` reads as the heading. `targetTitle` is undefined for a link to nothing.
 */
export function nameLinkText(
  link: Pick<NameLink, 'target' | 'anchor' | 'label'>,
  targetTitle: string | undefined,
  ownTitle?: string,
): string {
  if (link.label !== undefined && link.label.trim() !== '') return link.label;
  const heading = link.anchor?.split('#').filter(Boolean).at(-1);
  if (link.target === '') return heading ?? ownTitle ?? '';
  const title = targetTitle ?? link.target;
  return heading ? `${title} › ${heading}` : title;
}

/**
 * An embed's caption: the note's title, with the heading for a heading embed; a block id
 * (`![[Internal links#^b15695]]`) is no words to read, so a block embed reads as the title alone.
 */
export function embedCaption(
  link: Pick<NameLink, 'target' | 'anchor' | 'label'>,
  targetTitle: string | undefined,
  ownTitle?: string,
): string {
  const { anchor, ...rest } = link;
  const block = anchor?.split('#').filter(Boolean).at(-1)?.startsWith('^') === true;
  return nameLinkText(block ? rest : link, targetTitle, ownTitle);
}
