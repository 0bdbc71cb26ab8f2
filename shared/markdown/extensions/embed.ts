/**
 * An embed, `![[image.png|300]]`, `![[Note]]`, `![[Note#Heading]]`: an inline atom holding what it
 * shows (an image, or a note or section transcluded read-only) and its source.
 */
import { nameLinkNode } from './wikiLink.js';

/** `300` or `300x200` after the bar: an image's width (and height) in pixels. */
export function embedSize(label: string | null | undefined): { width: number; height?: number } | undefined {
  const match = /^\s*(\d{1,5})(?:\s*x\s*(\d{1,5}))?\s*$/.exec(label ?? '');
  if (!match) return undefined;
  return match[2] === undefined
    ? { width: Number(match[1]) }
    : { width: Number(match[1]), height: Number(match[2]) };
}

export const Embed = nameLinkNode('embed', true, 'data-embed');
