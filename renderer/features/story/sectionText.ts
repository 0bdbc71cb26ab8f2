/** Cuts Markdown into heading sections by line, skipping fenced code (for the read-only story page). */

interface Heading {
  index: number;
  level: number;
  title: string;
}

function headingsOf(lines: readonly string[]): Heading[] {
  const headings: Heading[] = [];
  let fence: string | undefined;
  lines.forEach((line, index) => {
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      if (!fence) fence = fenceMatch[1]![0]!.repeat(fenceMatch[1]!.length);
      else if (line.trim().startsWith(fence)) fence = undefined;
      return;
    }
    if (fence) return;
    const match = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/.exec(line);
    if (match) headings.push({ index, level: match[1]!.length, title: match[2]! });
  });
  return headings;
}

function sliceSection(lines: readonly string[], headings: Heading[], heading: Heading): string {
  const next = headings.find(
    (candidate) => candidate.index > heading.index && candidate.level <= heading.level,
  );
  return lines
    .slice(heading.index, next ? next.index : lines.length)
    .join('\n')
    .trimEnd();
}

/** The section (heading and content) holding 1-based file line `line`, or undefined above the first heading. */
export function sectionAround(text: string, line: number): string | undefined {
  const lines = text.split(/\r?\n/);
  const headings = headingsOf(lines);
  const heading = headings.filter((candidate) => candidate.index < line).at(-1);
  return heading ? sliceSection(lines, headings, heading) : undefined;
}

/** The content of the first section whose title matches `title` (case-insensitive), without its heading. */
export function sectionNamed(text: string, title: string): string | undefined {
  const lines = text.split(/\r?\n/);
  const headings = headingsOf(lines);
  const heading = headings.find((candidate) => candidate.title.trim().toLowerCase() === title.toLowerCase());
  if (!heading) return undefined;
  return sliceSection(lines, headings, heading).split('\n').slice(1).join('\n').trim();
}

/** The text and criteria inside the `:::requirement{#KEY …}` block that starts at 1-based file line `line`. */
export function requirementBlock(text: string, line: number): string | undefined {
  const lines = text.split(/\r?\n/);
  const start = line - 1;
  if (!/^ {0,3}:::requirement\b/.test(lines[start] ?? '')) return undefined;
  const end = lines.findIndex((candidate, index) => index > start && /^ {0,3}:::\s*$/.test(candidate));
  // Without its fences: the card itself is shown once, in the spec section further down the page.
  return lines.slice(start + 1, end === -1 ? lines.length : end).join('\n');
}
