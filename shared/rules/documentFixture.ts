/** Compact `DocumentEntry` and requirement builders for the rule tests. */
import type { DocumentEntry, RequirementEntry, SectionSummary } from '../model/documentModel.js';
import type { RoadmapItem } from '../model/roadmapModel.js';
import { documentEntryFixture } from '../model/documentEntryFixture.js';
import { settingsSchema } from '../model/settingsModel.js';
import type { Rule, RuleFinding, RuleInput } from './finding.js';
import { buildKeyIndex } from './keyIndex.js';

export { documentEntryFixture as documentFixture };

/** `requirementFixture('REQ-1', 12, { priority: 'must', roadmap: ['RM-1'] })` */
export function requirementFixture(
  key: string,
  line: number,
  fields: Partial<RequirementEntry> = {},
): RequirementEntry {
  return { key, roadmap: [], line, endLine: line + 3, summary: '', ...fields };
}

export function sectionFixture(
  title: string,
  line: number,
  words: number,
  items = 0,
  level = 2,
): SectionSummary {
  return { title, level, line, words, items };
}

export function roadmapFixture(
  key: string,
  lane: RoadmapItem['lane'] = 'now',
  title = `Item ${key}`,
): RoadmapItem {
  return { key, title, description: '', lane, rank: 0, status: 'planned' };
}

/** One rule over a small workspace, with default settings. */
export function checkRule(
  rule: Rule,
  documents: DocumentEntry[],
  roadmap: RoadmapItem[] = [],
  extra: Partial<RuleInput> = {},
): RuleFinding[] {
  const input: RuleInput = { documents, roadmap, settings: settingsSchema.parse({}), ...extra };
  return rule.check(input, buildKeyIndex(input));
}
