/**
 * A `<details>` block as GitHub writes it: `<details>` and `<summary>…</summary>` in one HTML block,
 * a blank line, Markdown, a blank line, `</details>` alone. Its opening is read here and written back
 * with only the summary (or the `open` attribute) changed; the body's blocks are the codec's.
 */
import type { JSONContent } from '@tiptap/core';
import { fingerprintOf } from './blockAlignment.js';
import type { BlockList, BlockSource, TilePiece } from './blockSource.js';

export interface DetailsOpening {
  open: boolean;
  /** The summary's text (entities decoded), or undefined when the block has no `<summary>`. */
  summary: string | undefined;
  /** Where the summary's text lies in the opening, or where a `<summary>` would go. */
  summaryFrom: number;
  summaryTo: number;
  /** Where the `<details …>` tag ends. */
  tagEnd: number;
}

const openingPattern =
  /^<details((?:[ \t]+open(?:[ \t]*=[ \t]*(?:"[^"\n]*"|'[^'\n]*'|[^\s"'=<>`]+))?)?)[ \t]*>(\s*<summary>([^<\n]*)<\/summary>)?[ \t]*$/i;

const closingPattern = /^<\/details>[ \t]*$/i;

const namedEntities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** The summary's text with its entities decoded, or undefined for one it cannot read back (another entity). */
function decodeSummary(html: string): string | undefined {
  let unreadable = false;
  const text = html.replace(
    /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]*);/g,
    (entity, name: string) => {
      if (name.startsWith('#')) {
        const code = /^#[xX]/.test(name) ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        if (code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff))
          return String.fromCodePoint(code);
      } else if (namedEntities[name] !== undefined) return namedEntities[name];
      unreadable = true;
      return entity;
    },
  );
  return unreadable ? undefined : text;
}

/**
 * The summary's HTML after an edit: what the user did not touch keeps its bytes (`&amp;` stays
 * `&amp;`), only the changed middle is written anew; the whole is encoded again if that would not
 * read back as `text`.
 */
function editSummaryHtml(html: string, text: string): string {
  const pieces = [
    ...html.matchAll(/&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]*);|[\s\S]/gu),
  ].map(([raw]) => ({ raw, text: decodeSummary(raw) ?? raw }));
  let head = 0;
  let headLength = 0;
  while (head < pieces.length && text.startsWith(pieces[head]!.text, headLength)) {
    headLength += pieces[head]!.text.length;
    head++;
  }
  let tail = pieces.length;
  let tailLength = 0;
  while (
    tail > head &&
    text.length - tailLength - pieces[tail - 1]!.text.length >= headLength &&
    text.endsWith(pieces[tail - 1]!.text, text.length - tailLength)
  ) {
    tailLength += pieces[tail - 1]!.text.length;
    tail--;
  }
  const raw = (from: number, to: number) =>
    pieces
      .slice(from, to)
      .map((piece) => piece.raw)
      .join('');
  const edited =
    raw(0, head) + encodeSummary(text.slice(headLength, text.length - tailLength)) + raw(tail, pieces.length);
  return decodeSummary(edited) === text ? edited : encodeSummary(text);
}

/** Summary text as HTML: `<` and an `&` that would start an entity escaped, the rest as typed. */
export function encodeSummary(text: string): string {
  return text
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/\n/g, ' ');
}

/** The opening block of a `<details>` (its whole source), or undefined for any other HTML. */
export function matchDetailsOpening(source: string): DetailsOpening | undefined {
  const match = openingPattern.exec(source);
  if (!match) return undefined;
  const tagEnd = source.indexOf('>') + 1;
  if (match[2] === undefined)
    return { open: match[1] !== '', summary: undefined, summaryFrom: tagEnd, summaryTo: tagEnd, tagEnd };
  const summary = decodeSummary(match[3]!);
  if (summary === undefined) return undefined;
  const summaryFrom = source.indexOf('<summary>', tagEnd) + '<summary>'.length;
  return { open: match[1] !== '', summary, summaryFrom, summaryTo: summaryFrom + match[3]!.length, tagEnd };
}

export function isDetailsClosing(source: string): boolean {
  return closingPattern.test(source);
}

/** Whether a block of HTML opens a `<details>` of any form: the nesting a closing tag must skip. */
export function opensDetails(source: string): boolean {
  return /^<details[\s>]/i.test(source);
}

/** The summary text of a details node. */
export function summaryOf(node: JSONContent): string {
  const summary = node.content?.[0];
  return (summary?.content ?? []).map((child) => child.text ?? '').join('');
}

/** The opening written anew: `<details open>` and the summary on the next line. */
export function formatDetailsOpening(open: boolean, summary: string): string {
  return `<details${open ? ' open' : ''}>\n<summary>${encodeSummary(summary)}</summary>`;
}

/** The old opening with only what changed rewritten: the summary's text, or the tag when `open` changed. */
export function editDetailsOpening(old: string, node: JSONContent): string {
  const opening = matchDetailsOpening(old);
  const open = node.attrs?.open === true;
  const summary = summaryOf(node);
  if (!opening) return formatDetailsOpening(open, summary);
  let text = old;
  if (opening.summary === undefined) {
    if (summary !== '')
      text = `${text.slice(0, opening.tagEnd)}\n<summary>${encodeSummary(summary)}</summary>${text.slice(opening.tagEnd)}`;
  } else if (summary !== opening.summary) {
    const html = text.slice(opening.summaryFrom, opening.summaryTo);
    text =
      text.slice(0, opening.summaryFrom) + editSummaryHtml(html, summary) + text.slice(opening.summaryTo);
  }
  if (open !== opening.open) text = `<details${open ? ' open' : ''}>${text.slice(opening.tagEnd)}`;
  return text;
}

/** The details node's JSON: its summary, then the body's blocks. */
export function detailsNode(opening: DetailsOpening, body: JSONContent[]): JSONContent {
  const summary = opening.summary ?? '';
  return {
    type: 'details',
    attrs: { open: opening.open },
    content: [
      { type: 'detailsSummary', ...(summary === '' ? {} : { content: [{ type: 'text', text: summary }] }) },
      ...body,
    ],
  };
}

/** The piece holding the `</details>` that closes the one opened at `open` (nested ones skipped), or -1. */
function closingPiece(text: string, pieces: readonly TilePiece[], open: number): number {
  let depth = 0;
  for (let index = open + 1; index < pieces.length; index++) {
    const piece = pieces[index]!;
    if (piece.token?.type !== 'html') continue;
    const source = text.slice(piece.start, piece.end);
    if (isDetailsClosing(source)) {
      if (depth === 0) return index;
      depth--;
    } else if (opensDetails(source)) {
      if (!matchDetailsOpening(source)) return -1;
      depth++;
    } else if (/<\/?details\b/i.test(source)) return -1;
  }
  return -1;
}

/**
 * The `<details>` that piece `index` opens and a later piece closes, as one block whose body is
 * `buildList`'s blocks; undefined for any other HTML, or a body the schema cannot hold.
 */
export function buildDetails(
  text: string,
  pieces: readonly TilePiece[],
  index: number,
  codec: {
    buildList(from: number, to: number): BlockList;
    normalize(node: JSONContent): JSONContent | undefined;
  },
): { block: BlockSource; closing: number } | undefined {
  const openPiece = pieces[index]!;
  const opening = matchDetailsOpening(text.slice(openPiece.start, openPiece.end));
  if (!opening) return undefined;
  const closing = closingPiece(text, pieces, index);
  if (closing === -1) return undefined;
  const closeStart = pieces[closing]!.start;
  const inner = codec.buildList(openPiece.end, closeStart);
  const node = codec.normalize(
    detailsNode(
      opening,
      inner.blocks.map((block) => block.node),
    ),
  );
  if (!node) return undefined;
  const block: BlockSource = {
    start: openPiece.start,
    end: pieces[closing]!.end,
    node,
    fingerprint: fingerprintOf(node),
    details: { openEnd: openPiece.end, inner, closeStart },
  };
  return { block, closing };
}
