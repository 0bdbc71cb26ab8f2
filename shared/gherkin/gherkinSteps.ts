/**
 * An acceptance criterion written as one sentence ("Given a cart, when I pay, then I see the
 * receipt.") split into Gherkin steps. Clauses start at a keyword after a comma or semicolon; a bare
 * "when" or "then" inside a clause splits it too, when the sentence lacks that step otherwise.
 */
import { plainText } from '../grammar/feedbackQuote.js';

export type StepKeyword = 'Given' | 'When' | 'Then' | 'And' | 'But';

export interface GherkinStep {
  keyword: StepKeyword;
  text: string;
}

const keywords: Record<string, StepKeyword> = {
  given: 'Given',
  when: 'When',
  then: 'Then',
  and: 'And',
  but: 'But',
};
const order: Partial<Record<StepKeyword, number>> = { Given: 0, When: 1, Then: 2 };
/** A clause boundary: a comma or semicolon, then a step keyword as a word. */
const clauseBoundary = /[,;][ \t]+(?=(?:given|when|then|and|but)\b)/gi;
/** A bare "when" or "then" inside a clause, and a clause that starts with one (compiled once: `check` runs this per criterion). */
const bareKeyword = { when: /[ \t]+(?=when\b)/gi, then: /[ \t]+(?=then\b)/gi };
const startingWith = { when: /^when\b/i, then: /^then\b/i };

/** The steps of a criterion, or undefined when it does not read Given/When … Then. */
export function gherkinSteps(criterion: string): GherkinStep[] | undefined {
  const sentence = plainText(criterion)
    .replace(/[.!]+$/, '')
    .trim();
  if (sentence === '') return undefined;
  let clauses = splitOutsideQuotes(sentence, clauseBoundary);
  for (const missing of ['when', 'then'] as const) {
    if (clauses.some((clause) => startingWith[missing].test(clause.trim()))) continue;
    clauses = clauses.flatMap((clause) => splitOutsideQuotes(clause, bareKeyword[missing], 1));
  }
  const steps: GherkinStep[] = [];
  for (const clause of clauses) {
    const match = /^(given|when|then|and|but)\b[ \t,]*(.*)$/i.exec(clause.trim());
    if (!match || match[2]!.trim() === '') return undefined;
    steps.push({ keyword: keywords[match[1]!.toLowerCase()]!, text: match[2]!.trim() });
  }
  return isWellOrdered(steps) ? steps : undefined;
}

/** Starts with Given or When, ends up at a Then, and never goes back (Given, When, Then; And/But continue). */
function isWellOrdered(steps: GherkinStep[]): boolean {
  const first = steps[0]?.keyword;
  if (first !== 'Given' && first !== 'When') return false;
  let stage = 0;
  for (const step of steps) {
    const position = order[step.keyword];
    if (position === undefined) continue;
    if (position < stage) return false;
    stage = position;
  }
  return stage === 2;
}

/**
 * Splits at each match of `boundary` (a global pattern, reused from its start) that is not inside
 * double quotes (or curly quotes); at most `limit` cuts.
 */
function splitOutsideQuotes(text: string, global: RegExp, limit = Infinity): string[] {
  global.lastIndex = 0;
  const parts: string[] = [];
  let start = 0;
  let cuts = 0;
  for (let match = global.exec(text); match && cuts < limit; match = global.exec(text)) {
    if (match[0] === '') global.lastIndex++;
    if (insideQuotes(text, match.index)) continue;
    parts.push(text.slice(start, match.index));
    start = match.index + match[0].length;
    cuts++;
  }
  parts.push(text.slice(start));
  return parts;
}

function insideQuotes(text: string, index: number): boolean {
  let open = false;
  for (let position = 0; position < index; position++) {
    const character = text[position];
    if (character === '"') open = !open;
    else if (character === '\u201c') open = true;
    else if (character === '\u201d') open = false;
  }
  return open;
}
