/**
 * The one heading id used everywhere: GitHub's slug of the heading's visible text (github-slugger),
 * with `-1`, `-2`… for repeats, so `[text](#section-3)`, `[[Note#Heading]]` and the export's ids agree
 * with what GitHub shows for the same file.
 */
import GithubSlugger from 'github-slugger';

const markupCharacter = /[[\]<`*_~=\\]/;

/** A heading's visible text from its Markdown: emphasis, code ticks, links and images reduced to their text. */
export function headingPlainText(markdown: string): string {
  // Most headings hold no markup at all: the index reduces 200,000 of them on a cold open.
  if (!markupCharacter.test(markdown)) return markdown.trim();
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/!?\[\[([^\]|#]*)(?:#([^\]|]*))?(?:\|([^\]]*))?\]\]/g, (_all, target: string, anchor, label) =>
      String(label ?? (target || anchor || '')),
    )
    .replace(/<[^>]+>/g, '')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/(\*\*|__|\*|_|~~|==)(?=\S)([^]*?\S)\1/g, '$2')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .trim();
}

/** The ids GitHub gives these headings, in order (repeats get `-1`, `-2`…). */
export function headingIds(headings: readonly string[]): string[] {
  const slugger = new GithubSlugger();
  return headings.map((text) => slugger.slug(headingPlainText(text)));
}

/** A fresh slugger for a renderer that numbers ids as it meets headings. */
export function headingSlugger(): (markdownText: string) => string {
  const slugger = new GithubSlugger();
  return (text) => slugger.slug(headingPlainText(text));
}

/** How Obsidian compares `[[Note#Heading]]` with a heading: case, spaces and link-breaking characters aside. */
export function headingKey(text: string): string {
  return headingPlainText(text)
    .toLowerCase()
    .replace(/[#|^:[\]\\%]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Whether `anchor` names one of the headings: by Obsidian's text (`Release plan`, or the
 * `Parent#Child` path, of which the last part decides) or by GitHub's id (`release-plan`).
 */
export function findHeading(headings: readonly string[], anchor: string): number {
  const last = anchor.includes('#') ? anchor.slice(anchor.lastIndexOf('#') + 1) : anchor;
  const wanted = headingKey(last);
  const byText = headings.findIndex((heading) => headingKey(heading) === wanted);
  if (byText !== -1) return byText;
  const ids = headingIds(headings);
  const id = anchor.toLowerCase();
  return ids.indexOf(id);
}
