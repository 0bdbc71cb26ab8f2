/** Case- and accent-insensitive text that keeps every offset, so a match in folded text is a match in the original. */

const foldedCharacters = new Map<string, string>();

/** Lowercases and strips accents one UTF-16 unit for one, so offsets and line numbers carry over unchanged. */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length && !/[\u0080-\uffff]/.test(lower)) return lower;
  if (lower.length !== text.length) return foldEach(text);
  return lower.replace(/[\u0080-\uffff]/g, foldCharacter);
}

function foldEach(text: string): string {
  let output = '';
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    const code = character.charCodeAt(0);
    output += code < 128 ? character.toLowerCase() : foldCharacter(character);
  }
  return output;
}

function foldCharacter(character: string): string {
  let folded = foldedCharacters.get(character);
  if (folded === undefined) {
    const lower = character.toLowerCase();
    const base = lower.normalize('NFD')[0] ?? lower;
    folded = lower.length === 1 ? (base.length === 1 && base !== lower ? base : lower) : character;
    foldedCharacters.set(character, folded);
  }
  return folded;
}

/** Letters and digits of any script (folded text): what a search word is made of. */
export function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code > 127 && isWordCharacter(code));
}

const wordCharacter = /[\p{L}\p{N}\p{M}]/u;
const wordCodes = new Map<number, boolean>();
function isWordCharacter(code: number): boolean {
  let known = wordCodes.get(code);
  if (known === undefined) {
    // Surrogate halves of astral letters count as word characters.
    known = (code >= 0xd800 && code <= 0xdfff) || wordCharacter.test(String.fromCharCode(code));
    wordCodes.set(code, known);
  }
  return known;
}

/**
 * The offset of `word` in `text` from `from`, where it starts a word and (unless `prefix`) also ends
 * one; -1 when there is none.
 */
export function findWord(text: string, word: string, prefix: boolean, from = 0, to = text.length): number {
  // V8 searches patterns of 7 or more characters several times slower: find a short probe, then compare.
  const probe = word.length > shortPattern ? word.slice(0, shortPattern) : word;
  let index = text.indexOf(probe, from);
  while (index !== -1 && index + word.length <= to) {
    if (
      (probe === word || text.startsWith(word, index)) &&
      (index === 0 || !isWordCode(text.charCodeAt(index - 1))) &&
      (prefix || index + word.length >= text.length || !isWordCode(text.charCodeAt(index + word.length)))
    ) {
      return index;
    }
    index = text.indexOf(probe, index + 1);
  }
  return -1;
}

/** The longest pattern V8's `indexOf` still searches with its fast linear scan. */
export const shortPattern = 6;
