/**
 * Footnotes are shown numbered 1, 2, … in the order of their first reference, as GitHub and Obsidian
 * show them, whatever their labels (`[^source]`); the file keeps its labels.
 */

/** Labels match without regard to case, as GitHub matches them. */
const labelKey = (label: string): string => label.toLowerCase();

/** The number of each label, from the labels of a document's references in order. */
export function footnoteNumbers(labels: Iterable<string>): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const label of labels)
    if (!numbers.has(labelKey(label))) numbers.set(labelKey(label), numbers.size + 1);
  return numbers;
}

/** What `[^label]` shows: its number, or its label when nothing refers to it. */
export function footnoteNumberText(numbers: ReadonlyMap<string, number>, label: string): string {
  return String(numbers.get(labelKey(label)) ?? label);
}

/** The labels of a Markdown text's footnote references in order, code and definitions left out. */
export function footnoteReferenceLabels(markdown: string): string[] {
  const prose = markdown
    .replace(/^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^ {0,3}\1[^\n]*$|(?![\s\S]))/gm, '')
    .replace(/(`+)[^`\n]*?\1/g, '');
  return [...prose.matchAll(/\[\^([^\]\s]+)\](?!:)/g)].map((match) => match[1]!);
}
