/**
 * Callouts as Obsidian writes them (`> [!note] Title`, foldable `> [!faq]-`, nested `> > [!tip]`)
 * and GitHub's alerts (`> [!IMPORTANT]`): a blockquote whose first line names a type. The lines of
 * one callout are found here, with their `>` taken off, for the codec and the export alike.
 */

export interface CalloutMatch {
  /** The callout's whole source: every line up to the first that is not quoted. */
  raw: string;
  /** As written: `note`, `NOTE`, `faq`, `my-type`. */
  type: string;
  /** `-` folded by default, `+` foldable and open, `` not foldable. */
  fold: '' | '+' | '-';
  /** The first line's text after the marker (may be empty). */
  title: string;
  /** The spaces between the marker and the title, as written (`' '` most often). */
  titleSpace: string;
  /** A block id written on the line after the callout (`^callout-id`), which Obsidian gives the callout. */
  blockId?: string;
  /** The lines after the first, without their quote marker: the callout's body as Markdown. */
  body: string;
}

const quotedLine = /^ {0,3}>/;
// A no-break space may part the marker from the title, as Obsidian reads it (`[!abstract]\u00a0**Further reading**`).
const headerPattern = /^ {0,3}> ?\[!([A-Za-z0-9_-]+)\]([-+]?)(?:([ \t\u00a0]+)(.*?))?[ \t]*$/;
const blockIdLine = /^\^([A-Za-z0-9-]+)[ \t]*$/;
/** The marker a callout's first line starts with, after its quote markers. */
export const calloutMarkerPattern = /^\[![A-Za-z0-9_-]+\][-+]?/;

/**
 * The callout at the start of `source`, or undefined. A callout followed directly by a line that
 * is not quoted is left alone (CommonMark would continue its last paragraph there, a lazy line),
 * unless that line is a block id (`^callout-id`, Obsidian's id for the callout) or the callout's
 * last line is blank (no paragraph is open to continue).
 */
export function matchCallout(source: string): CalloutMatch | undefined {
  const newline = source.indexOf('\n');
  const first = newline === -1 ? source : source.slice(0, newline);
  const header = headerPattern.exec(first);
  if (!header) return undefined;
  const lines: string[] = [];
  let end = first.length;
  let blockId: string | undefined;
  for (let position = newline + 1; newline !== -1 && position <= source.length;) {
    const next = source.indexOf('\n', position);
    const line = source.slice(position, next === -1 ? source.length : next);
    if (!quotedLine.test(line)) {
      if (line.trim() === '') break;
      const id = blockIdLine.exec(line);
      if (id) {
        blockId = id[1]!;
        end = next === -1 ? source.length : next;
        break;
      }
      const open = lines.length > 0 ? lines[lines.length - 1]!.trim() !== '' : true;
      if (open) return undefined;
      break;
    }
    const content = line.replace(/^ {0,3}>/, '');
    // A tab after `>` is part of an indentation CommonMark measures in columns: not ours to cut.
    if (content.startsWith('\t')) return undefined;
    lines.push(content.startsWith(' ') ? content.slice(1) : content);
    end = next === -1 ? source.length : next;
    if (next === -1) break;
    position = next + 1;
  }
  return {
    raw: source.slice(0, end),
    type: header[1]!,
    fold: header[2]! as CalloutMatch['fold'],
    title: header[4] ?? '',
    titleSpace: header[3] ?? ' ',
    body: lines.join('\n'),
    ...(blockId === undefined ? {} : { blockId }),
  };
}

/** Where a callout starts in `source` at a line start, looking no further than the first blank line. */
export function findCalloutStart(source: string): number {
  const blankLine = source.search(/\n[ \t]*\n/);
  const head = blankLine === -1 ? source : source.slice(0, blankLine);
  const pattern = /(?:^|\n)( {0,3}> ?\[!)/g;
  for (let match = pattern.exec(head); match; match = pattern.exec(head)) {
    const index = match.index + match[0].length - match[1]!.length;
    if (matchCallout(source.slice(index))) return index;
  }
  return -1;
}

/** The first line of a callout: `[!type]fold title`. */
export function formatCalloutHeader(type: string, fold: string, title: string, space = ' '): string {
  return `[!${type}]${fold}${title === '' ? '' : `${space}${title}`}`;
}

/** `note` for `[!NOTE]`, the type Obsidian styles it as (its aliases folded in: `summary` is an abstract), red for GitHub's CAUTION. */
export function calloutKind(type: string): string {
  // GitHub's `[!CAUTION]` alert is red; Obsidian's `[!caution]` callout is an orange warning.
  if (type === 'CAUTION') return 'danger';
  const lower = type.toLowerCase();
  return calloutAliases[lower] ?? lower;
}

const calloutAliases: Record<string, string> = {
  summary: 'abstract',
  tldr: 'abstract',
  hint: 'tip',
  check: 'success',
  done: 'success',
  help: 'question',
  faq: 'question',
  caution: 'warning',
  attention: 'warning',
  fail: 'failure',
  missing: 'failure',
  error: 'danger',
  cite: 'quote',
};

/** The title shown when a callout has none: its type, capitalized (`[!faq]` → "Faq", as Obsidian shows it). */
export function defaultCalloutTitle(type: string): string {
  return type.charAt(0).toUpperCase() + type.slice(1).toLowerCase();
}
