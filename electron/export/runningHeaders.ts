/**
 * Running headers and footers as CSS page-margin boxes (Chromium 131+): every document gets a named
 * page whose top box shows its own title, which static Chromium header templates cannot do.
 */

/** A section printed on its own named page, with the title its header shows. */
export interface RunningHeader {
  /** The CSS page name: `doc-3`, `appendix-5`; letters, digits and dashes only. */
  page: string;
  title: string;
}

export interface RunningHeaderOptions {
  workspaceName: string;
  /** What the contents pages show on the right. */
  bundleTitle: string;
  sections: readonly RunningHeader[];
}

/** Longer titles are cut so the header stays on one line beside the workspace name. */
const longestTitle = 90;

/** The page rules; the cover carries no header, every page carries "Page N of M". */
export function runningHeaderStyles(options: RunningHeaderOptions): string {
  const rules = [
    `@page { @top-left { content: ${cssString(options.workspaceName)}; } @top-right { content: ${cssString(options.bundleTitle)}; } @bottom-center { content: "Page " counter(page) " of " counter(pages); } }`,
    '@page cover { @top-left { content: none; } @top-right { content: none; } }',
    '.cover { page: cover; }',
  ];
  for (const { page, title } of options.sections) {
    const name = pageName(page);
    rules.push(
      `@page ${name} { @top-right { content: ${cssString(title)}; } }`,
      `[data-page="${name}"] { page: ${name}; }`,
    );
  }
  return rules.join('\n');
}

/**
 * Text as a double-quoted CSS string that cannot end the string, the rule or the `<style>` element:
 * whitespace runs become one space and anything but letters, digits and plain punctuation is a hex escape.
 */
export function cssString(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const characters = Array.from(flat);
  const short =
    characters.length > longestTitle
      ? `${characters
          .slice(0, longestTitle - 1)
          .join('')
          .trimEnd()}…`
      : flat;
  let escaped = '';
  for (const character of short) {
    escaped += /^[\p{L}\p{N} .,:!?()\-–—·…]$/u.test(character)
      ? character
      : `\\${character.codePointAt(0)!.toString(16).padStart(6, '0')}`;
  }
  return `"${escaped}"`;
}

function pageName(page: string): string {
  if (!/^[a-z][a-z0-9-]*$/.test(page)) throw new Error(`not a CSS page name: ${page}`);
  return page;
}
