/** A list as a sentence says it: "A", "A and B", "A, B and C" (empty for none). */
export function listInWords(items: readonly (string | number)[]): string {
  if (items.length < 2) return items.length === 1 ? String(items[0]) : '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}
