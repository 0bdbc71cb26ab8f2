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

export function conflictName(part: Pick<ConflictPart, 'what' | 'ours' | 'theirs' | 'base'>): string {
  const key = /^[A-Z][A-Z0-9]*-[0-9]+$/.exec(part.what)?.[0];
  if (!key) return part.what;
  // The title both sides started from, else the one this side wrote.
  for (const side of [part.base, part.ours, part.theirs]) {
    const title = requirementTitle(side, key) ?? roadmapTitle(side);
    if (title) return `${key} “${shortened(title)}”`;
  }
  return key;
}
