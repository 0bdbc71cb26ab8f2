/** Splits a snippet into plain and highlighted segments from `[start, end)` offsets, for React to render. */

export interface SnippetSegment {
  text: string;
  highlighted: boolean;
}

export function highlightSnippet(snippet: string, highlights: readonly [number, number][]): SnippetSegment[] {
  const ranges = highlights
    .map(([start, end]) => [clamp(start, snippet.length), clamp(end, snippet.length)] as const)
    .filter(([start, end]) => end > start)
    .sort((left, right) => left[0] - right[0]);
  const segments: SnippetSegment[] = [];
  let cursor = 0;
  for (const [start, end] of ranges) {
    // Overlapping or touching ranges extend the previous highlight instead of nesting.
    const from = Math.max(start, cursor);
    if (end <= from) continue;
    if (from > cursor) segments.push({ text: snippet.slice(cursor, from), highlighted: false });
    const previous = segments[segments.length - 1];
    if (previous?.highlighted && from === cursor) previous.text += snippet.slice(from, end);
    else segments.push({ text: snippet.slice(from, end), highlighted: true });
    cursor = end;
  }
  if (cursor < snippet.length) segments.push({ text: snippet.slice(cursor), highlighted: false });
  return segments;
}

function clamp(offset: number, length: number): number {
  return Number.isFinite(offset) ? Math.max(0, Math.min(Math.trunc(offset), length)) : 0;
}
