/**
 * A conflicting block named the way a PM finds it: a requirement or roadmap item by its key and
 * title (`REQ-2 “Guests can pay”`), anything else by what the merge called it (`front matter: status`).
 */
import type { ConflictPart } from './mergeParts.js';

const longest = 60;

const shortened = (title: string) =>
  title.length > longest ? `${title.slice(0, longest - 1).trimEnd()}…` : title;

/** The first line of a requirement block's body, when `block` is one. */
function requirementTitle(block: string, key: string): string | undefined {
  const [opening, first] = block.split(/\r?\n/);
  if (!opening?.startsWith(`:::requirement{#${key}`)) return undefined;
  const title = first?.trim();
  return title && title !== ':::' ? title : undefined;
}

/** A roadmap item's `"title"` as one side's JSON text of the item has it. */
function roadmapTitle(text: string): string | undefined {
  const match = /^\s*"title": ("(?:[^"\\]|\\.)*")/m.exec(text);
  if (!match) return undefined;
  try {
    const title: unknown = JSON.parse(match[1]!);
    return typeof title === 'string' && title.trim() !== '' ? title.trim() : undefined;
  } catch {
    return undefined;
  }
}

type Named = Pick<ConflictPart, 'what' | 'ours' | 'theirs' | 'base'>;

const keyOf = (part: Named) => /^[A-Z][A-Z0-9]*-[0-9]+$/.exec(part.what)?.[0];

export function conflictName(part: Named): string {
  const key = keyOf(part);
  if (!key) return part.what;
  // The title both sides started from, else the one this side wrote.
  for (const side of [part.base, part.ours, part.theirs]) {
    const title = requirementTitle(side, key) ?? roadmapTitle(side);
    if (title) return `${key} “${shortened(title)}”`;
  }
  return key;
}

/** `title` from a word or so before where it first differs from `other`: what tells the two apart. */
function differingPart(title: string, other: string): string {
  let at = 0;
  while (at < title.length && title[at] === other[at]) at++;
  // A difference the shortened title already shows (with a few words of it) needs no skipping.
  if (at + 15 < longest) return title;
  // Back to the start of the word that differs, then one word more for context.
  const wordStart = (from: number) => title.slice(0, from).search(/\S+\s*$/);
  const word = wordStart(at);
  const start = word > 0 ? wordStart(word) : word;
  return start > 0 ? `…${title.slice(start)}` : title;
}

/**
 * The label on one side's conflict marker (`<<<<<<< ours: …`, `>>>>>>> theirs: …`): the block's key
 * and that side's title, quoted from where it differs from the other side's, so the two labels never
 * read the same when the titles differ only after a long shared start.
 */
export function markerName(part: Named, side: 'ours' | 'theirs'): string {
  const key = keyOf(part);
  const titleOf = (text: string) => (key ? (requirementTitle(text, key) ?? roadmapTitle(text)) : undefined);
  const [mine, other] = [titleOf(part[side]), titleOf(part[side === 'ours' ? 'theirs' : 'ours'])];
  if (mine === undefined || other === undefined || mine === other) return conflictName(part);
  return `${key} “${shortened(differingPart(mine, other))}”`;
}
