/**
 * A story as a Cucumber `.feature` file: `Feature:` its title with its "As a … I want … so that …"
 * as the description, tagged with the story, its requirements and their roadmap items, and one
 * `Scenario:` per acceptance criterion whose sentence splits into Given/When/Then steps. A criterion
 * that does not split is kept as a comment, so QA sees what is missing.
 */
import { plainText } from '../grammar/feedbackQuote.js';
import type { CriterionEntry } from '../model/documentModel.js';
import { gherkinSteps } from './gherkinSteps.js';

export interface FeatureStory {
  key: string;
  title: string;
  /** Workspace path, named in the header comment. */
  path: string;
  /** The "As a … I want … so that …" sentence, as Markdown. */
  narrative?: string;
  criteria: readonly CriterionEntry[];
  /** Keys to tag the feature with: the story's, its requirements', their roadmap items'. */
  tags: readonly string[];
}

export interface FeatureFile {
  text: string;
  scenarios: number;
  /** Criteria kept as comments because they do not read Given/When/Then. */
  unsplit: number;
}

/** How every feature file Specbench writes begins: an export knows its own files by it. */
export const generatedFeatureMark = '# Written by Specbench from ';

export function featureFile(story: FeatureStory): FeatureFile {
  const lines = [`${generatedFeatureMark}${oneLine(story.path)}: edit the story, not this file.`];
  const tags = [...new Set(story.tags)].filter((tag) => /^[A-Za-z0-9_.-]+$/.test(tag));
  if (tags.length > 0) lines.push(tags.map((tag) => `@${tag}`).join(' '));
  lines.push(`Feature: ${oneLine(plainText(story.title)) || story.key}`);
  const narrative = story.narrative === undefined ? '' : descriptionLine(plainText(story.narrative));
  if (narrative !== '') lines.push(`  ${narrative}`);
  let scenarios = 0;
  let unsplit = 0;
  const names = new Set<string>();
  for (const criterion of story.criteria) {
    const steps = gherkinSteps(criterion.text);
    lines.push('');
    if (!steps) {
      unsplit++;
      lines.push(`  # Not Given/When/Then, so no scenario: ${oneLine(plainText(criterion.text))}`);
      continue;
    }
    scenarios++;
    lines.push(`  Scenario: ${scenarioName(steps, names)}`);
    for (const step of steps) lines.push(`    ${step.keyword} ${oneLine(step.text)}`);
  }
  return { text: `${lines.join('\n')}\n`, scenarios, unsplit };
}

/** What the scenario proves, from its outcome ("Then I see the receipt" → "I see the receipt"), once per file. */
function scenarioName(steps: readonly { keyword: string; text: string }[], used: Set<string>): string {
  const outcome = oneLine(steps.find((step) => step.keyword === 'Then')!.text);
  const base = outcome.charAt(0).toUpperCase() + outcome.slice(1);
  let name = base;
  for (let count = 2; used.has(name.toLowerCase()); count++) name = `${base} (${count})`;
  used.add(name.toLowerCase());
  return name;
}

/** The "As a …" paragraph of a story body, if it has one (the built-in template's first line). */
export function storyNarrative(body: string): string | undefined {
  for (const paragraph of body.split(/\n[ \t]*\n/)) {
    const text = paragraph.replace(/\s+/g, ' ').trim();
    if (/^(?:\*\*|__)?as an?\b/i.test(text)) return text;
  }
  return undefined;
}

/** A description line must not read as a keyword, tag, comment, table or doc string to Cucumber. */
function descriptionLine(text: string): string {
  const line = oneLine(text);
  return /^(?:#|@|\||"""|```|(?:Feature|Rule|Background|Scenario|Scenario Outline|Example|Examples|Scenarios)\s*:)/i.test(
    line,
  )
    ? `- ${line}`
    : line;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
