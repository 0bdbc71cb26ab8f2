/**
 * Where an inline Markdown extension may start, for marked's `start` hook. marked asks again after
 * every inline token with the rest of the paragraph, so searching to the paragraph's end each time
 * is quadratic (a 2 MB line of `[[` took hours). The search stops at the first place where cutting
 * the text changes nothing: marked only ends its current text token there and joins it with the next.
 */

/** How far ahead a character marked stops at is looked for before cutting at whitespace instead. */
export const inlineStartWindow = 1024;

/** Characters marked's text tokenizer stops before anyway (backtick and tilde runs are taken whole). */
const stopPattern = /[\\<![*]/g;
/** The first non-space after whitespace: never inside a hard break, a word, a URL or an email address. */
const afterWhitespacePattern = /(?<=\s)\S/g;

/**
 * The first index where `matches` holds at a character matched by `candidates` (a global pattern
 * of single characters), or an earlier index where marked may safely cut; -1 when nothing starts.
 */
export function findInlineStart(
  source: string,
  candidates: RegExp,
  matches: (source: string, index: number) => boolean,
): number {
  const head = source.length > inlineStartWindow ? source.slice(0, inlineStartWindow) : source;
  stopPattern.lastIndex = 0;
  const stop = stopPattern.exec(head)?.index;
  let cut = stop ?? -1;
  if (stop === undefined && head !== source) {
    afterWhitespacePattern.lastIndex = inlineStartWindow;
    cut = afterWhitespacePattern.exec(source)?.index ?? -1;
  }
  const searched = cut === -1 ? source : source.slice(0, cut);
  candidates.lastIndex = 0;
  for (let match = candidates.exec(searched); match; match = candidates.exec(searched)) {
    if (matches(source, match.index)) return match.index;
  }
  return cut;
}
