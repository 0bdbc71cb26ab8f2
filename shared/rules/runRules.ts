/** Runs every rule the settings leave on and gives each finding its severity. */
import { severityOf } from '../model/settingsModel.js';
import { ambiguousLink } from './ambiguousLink.js';
import { brokenLink } from './brokenLink.js';
import { commentAnchorMissing, unresolvedComments } from './commentRules.js';
import { criterionNotGherkin } from './criterionNotGherkin.js';
import { duplicateKey } from './duplicateKey.js';
import { emptyRequiredSection } from './emptyRequiredSection.js';
import type { Finding, Rule, RuleInput } from './finding.js';
import { isConflicted } from './conflictedFile.js';
import { buildKeyIndex } from './keyIndex.js';
import { malformedFile } from './malformedFile.js';
import { missingAsset } from './missingAsset.js';
import { missingFrontMatter } from './missingFrontMatter.js';
import { mustWithoutStory } from './mustWithoutStory.js';
import { nowItemWithoutRequirements } from './nowItemWithoutRequirements.js';
import { requirementWithoutRoadmap } from './requirementWithoutRoadmap.js';
import { shadowedNote } from './shadowedNote.js';
import { specWithoutKey } from './specWithoutKey.js';
import { staleApproval } from './staleApproval.js';
import { storyAheadOfRequirement } from './storyAheadOfRequirement.js';
import { dependencyCycle } from './dependencyCycle.js';
import { storyWithoutAcceptanceCriteria } from './storyWithoutAcceptanceCriteria.js';
import { unfilledTemplate } from './unfilledTemplate.js';
import { unmeasuredMetric } from './unmeasuredMetric.js';
import { suspectLink } from './suspectLink.js';
import { rekeyedReference } from './rekeyedReference.js';

export type { Finding, RuleInput } from './finding.js';

export const rules: readonly Rule[] = [
  brokenLink,
  ambiguousLink,
  shadowedNote,
  duplicateKey,
  requirementWithoutRoadmap,
  mustWithoutStory,
  storyWithoutAcceptanceCriteria,
  nowItemWithoutRequirements,
  emptyRequiredSection,
  unfilledTemplate,
  malformedFile,
  missingFrontMatter,
  unmeasuredMetric,
  criterionNotGherkin,
  missingAsset,
  specWithoutKey,
  suspectLink,
  staleApproval,
  storyAheadOfRequirement,
  dependencyCycle,
  unresolvedComments,
  commentAnchorMissing,
  rekeyedReference,
];

/** Findings sorted by path, then line. */
export function runRules(input: RuleInput): Finding[] {
  const keys = buildKeyIndex(input);
  // A file with git's conflict markers holds both sides: it has one finding, saying so, until resolved.
  const conflicted = new Set(input.documents.filter(isConflicted).map((document) => document.path));
  const findings: Finding[] = [];
  for (const rule of rules) {
    const severity = severityOf(input.settings, rule.id);
    if (severity === 'off') continue;
    for (const { atMost, ...finding } of rule.check(input, keys)) {
      if (conflicted.has(finding.path) && rule !== malformedFile) continue;
      findings.push({ rule: rule.id, severity: atMost ? milder(severity, atMost) : severity, ...finding });
    }
  }
  return findings.sort(
    (a, b) =>
      compare(a.path, b.path) || a.line - b.line || compare(a.rule, b.rule) || compare(a.message, b.message),
  );
}

const severityOrder = ['info', 'warning', 'error'] as const;

function milder(a: Finding['severity'], b: Finding['severity']): Finding['severity'] {
  return severityOrder[Math.min(severityOrder.indexOf(a), severityOrder.indexOf(b))]!;
}

/** 1 when any finding is at error level, as `specbench check` exits. */
export function exitCodeFor(findings: readonly Finding[]): 0 | 1 {
  return findings.some((finding) => finding.severity === 'error') ? 1 : 0;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
