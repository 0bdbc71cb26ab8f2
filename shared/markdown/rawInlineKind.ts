/**
 * What a piece of inline source the editor keeps as written (rawInline.ts) is, so it can be shown
 * as what it means: an Obsidian comment, a footnote reference, math, an entity, a block id, or HTML.
 */
import { isAllowedLink } from './markdownExtensions.js';

export type RawInlineKind =
  | { kind: 'comment'; text: string }
  | { kind: 'footnote'; label: string }
  | { kind: 'math'; tex: string; display: boolean }
  | { kind: 'entity' }
  | { kind: 'blockId'; id: string }
  /** `[text][label]`, `[label][]`, `[label]` (the label a definition in the document names). */
  | { kind: 'referenceLink'; text: string; label: string; image: boolean }
  /** `[text](obsidian://…)`: a link to an address outside the allowlist, shown as its text and never followed. */
  | { kind: 'blockedLink'; text: string; href: string }
  | { kind: 'other' };

export function rawInlineKind(source: string): RawInlineKind {
  if (source.startsWith('%%') && source.endsWith('%%') && source.length >= 4)
    return { kind: 'comment', text: source.slice(2, -2).trim() };
  const footnote = /^\[\^([^\]\s]+)\]$/.exec(source);
  if (footnote) return { kind: 'footnote', label: footnote[1]! };
  if (source.startsWith('$$') && source.endsWith('$$') && source.length > 4)
    return { kind: 'math', tex: source.slice(2, -2).trim(), display: true };
  if (source.startsWith('$') && source.endsWith('$') && source.length > 2)
    return { kind: 'math', tex: source.slice(1, -1), display: false };
  if (/^&[#A-Za-z0-9]+;$/.test(source)) return { kind: 'entity' };
  const reference = /^(!?)\[((?:\\[\s\S]|[^[\]\\])*)\](?:\[((?:\\[\s\S]|[^[\]\\])*)\])?$/.exec(source);
  if (reference) {
    const text = reference[2]!;
    const label = reference[3] === undefined || reference[3].trim() === '' ? text : reference[3];
    return { kind: 'referenceLink', text, label, image: reference[1] === '!' };
  }
  const blocked = /^\[((?:\\[\s\S]|[^[\]\\])*)\]\(\s*<?([^\s>)]*)/.exec(source);
  if (blocked && !isAllowedLink(blocked[2]!))
    return { kind: 'blockedLink', text: blocked[1]!, href: blocked[2]! };
  const blockId = /^\^([A-Za-z0-9-]+)$/.exec(source);
  if (blockId) return { kind: 'blockId', id: blockId[1]! };
  return { kind: 'other' };
}

/** A footnote's definition, `[^label]: text`, at the start of a block's source. */
export function footnoteDefinition(source: string): { label: string; text: string } | undefined {
  const match = /^\[\^([^\]\s]+)\]:[ \t]*([\s\S]*)$/.exec(source);
  if (!match) return undefined;
  return { label: match[1]!, text: match[2]!.replace(/\n(?: {1,4}|\t)/g, '\n').trim() };
}

/** A display math block, `$$ … $$` on lines of their own (or one line). */
export function mathBlock(source: string): string | undefined {
  const match = /^\$\$([\s\S]*?)\$\$\s*$/.exec(source.trim());
  return match ? match[1]!.trim() : undefined;
}

const voidElements = new Set(['br', 'hr', 'img', 'wbr', 'input', 'source', 'col', 'area', 'meta', 'link']);

/**
 * Whether an HTML block has a form of its own: its elements open and close within it, and it is not
 * only what a sanitiser removes (scripts, styles, frames). `<details>` here and `</details>` in a
 * later block have none, and stay as source.
 */
export function htmlBlockRenders(source: string): boolean {
  const trimmed = source.trim();
  if (!trimmed.startsWith('<') || /^<!--[\s\S]*-->$/.test(trimmed)) return false;
  if (/^<(?:script|style|iframe|object|embed|form|textarea|title)\b/i.test(trimmed)) return false;
  let depth = 0;
  for (const [, closing, name, selfClosing] of trimmed.matchAll(
    /<(\/?)([A-Za-z][A-Za-z0-9-]*)\b[^>]*?(\/?)>/g,
  )) {
    if (voidElements.has(name!.toLowerCase()) || selfClosing) continue;
    depth += closing ? -1 : 1;
    if (depth < 0) return false;
  }
  return depth === 0;
}

/** Whether the editor shows a piece of kept inline source as what it means rather than as source. */
export function rawInlineRenders(source: string): boolean {
  const kind = rawInlineKind(source);
  return kind.kind !== 'other';
}

/** Reference link definitions, `[label]: https://… "title"`, one a line: what reference links point to. */
export function linkDefinitions(source: string): { label: string; destination: string }[] | undefined {
  const definitions: { label: string; destination: string }[] = [];
  for (const line of source.split('\n')) {
    const match = /^ {0,3}\[([^\]]+)\]:[ \t]*<?([^\s>]+)>?(?:[ \t]+.*)?$/.exec(line);
    if (!match || match[1]!.startsWith('^')) return undefined;
    definitions.push({ label: match[1]!, destination: match[2]! });
  }
  return definitions.length > 0 ? definitions : undefined;
}

/** Whether the editor shows a block of kept source as what it means (a footnote, math, safe HTML, link definitions). */
export function rawBlockRenders(source: string): boolean {
  return (
    footnoteDefinition(source) !== undefined ||
    mathBlock(source) !== undefined ||
    htmlBlockRenders(source) ||
    linkDefinitions(source) !== undefined
  );
}
