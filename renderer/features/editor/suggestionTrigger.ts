/** What the text before the cursor asks for: `[[` key autocomplete or the `/` slash menu. */

export interface SuggestionTrigger {
  kind: 'reference' | 'slash';
  query: string;
  /** Characters before the cursor that the chosen item replaces (the trigger and the query). */
  length: number;
}

const referencePattern = /\[\[([^[\]|\n]{0,40})$/;
const slashPattern = /(?:^|\s)\/([a-z0-9 ]{0,20})$/i;

export function findTrigger(textBefore: string): SuggestionTrigger | undefined {
  const reference = referencePattern.exec(textBefore);
  if (reference) return { kind: 'reference', query: reference[1]!, length: reference[0].length };
  const slash = slashPattern.exec(textBefore);
  if (slash && !slash[1]!.startsWith(' ') && !/ {2}|\s$/.test(slash[1]!)) {
    return { kind: 'slash', query: slash[1]!, length: slash[1]!.length + 1 };
  }
  return undefined;
}

/** `Note#Sec` in a `[[` query: the note named (empty for this document) and the start of a heading. */
export function headingQuery(query: string): { note: string; heading: string } | undefined {
  const hash = query.indexOf('#');
  if (hash === -1 || query.slice(hash + 1).startsWith('^')) return undefined;
  return { note: query.slice(0, hash).trim(), heading: query.slice(hash + 1).trim() };
}

/** Headings whose text holds `wanted` (any case), those starting with it first, in document order. */
export function matchingHeadings<Heading extends { text: string }>(
  headings: readonly Heading[],
  wanted: string,
): Heading[] {
  const lower = wanted.toLowerCase();
  const holding = headings.filter((heading) => heading.text.toLowerCase().includes(lower));
  return [
    ...holding.filter((heading) => heading.text.toLowerCase().startsWith(lower)),
    ...holding.filter((heading) => !heading.text.toLowerCase().startsWith(lower)),
  ];
}
