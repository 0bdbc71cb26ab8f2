/** The quote a feedback note shows on roadmap cards: its first paragraph, as plain text. */
import { withoutComments } from './htmlComments.js';
import { fenceOpenedBy, isFenceClose } from './linkGrammar.js';

export const quoteLength = 400;

/**
 * The first paragraph (or quote, or list) of a note's body that is not a heading, a comment or code,
 * without Markdown syntax, cut at a word to at most `quoteLength` characters.
 */
export function feedbackQuote(lines: readonly string[]): string {
  const paragraph: string[] = [];
  let inComment = false;
  let fence: { marker: string; length: number } | undefined;
  for (const raw of lines) {
    let line = raw.replace(/\r$/, '');
    if (fence) {
      if (isFenceClose(line, fence)) fence = undefined;
      continue;
    }
    if (inComment || line.includes('<!--')) {
      const visible = withoutComments(line, inComment);
      inComment = visible.inComment;
      line = visible.text;
    }
    const blank = line.trim() === '' || /^ {0,3}>[ \t]*$/.test(line);
    if (blank) {
      if (paragraph.length > 0) break;
      continue;
    }
    if (/^ {0,3}#{1,6}(?:[ \t]|$)/.test(line)) {
      if (paragraph.length > 0) break;
      continue;
    }
    const opened = fenceOpenedBy(line);
    if (opened) {
      if (paragraph.length > 0) break;
      fence = opened;
      continue;
    }
    paragraph.push(
      line.replace(/^ {0,3}(?:>[ \t]?)+/, '').replace(/^[ \t]*(?:[-+*]|[0-9]{1,9}[.)])[ \t]+/, ''),
    );
  }
  return shorten(plainText(paragraph.join(' ')), quoteLength);
}

/** Inline Markdown as the words a reader sees. */
export function plainText(markdown: string): string {
  // Most text holds none of the marks below: `check` runs this over every criterion.
  if (!/[[<*_`\\]/.test(markdown)) return markdown.replace(/\s+/g, ' ').trim();
  return markdown
    .replace(/!?\[\[([^\]|#]*)(?:#[^\]|]*)?(?:\|([^\]]*))?\]\]/g, (_whole, target: string, label?: string) =>
      (label ?? target).trim(),
    )
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function shorten(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.lastIndexOf(' ', limit - 1);
  return `${text.slice(0, cut > limit / 2 ? cut : limit - 1).trimEnd()}…`;
}
