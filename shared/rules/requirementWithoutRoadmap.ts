/** `requirement-without-roadmap`: a requirement that names no roadmap item it delivers. */
import type { Rule, RuleFinding } from './finding.js';

export const requirementWithoutRoadmap: Rule = {
  id: 'requirement-without-roadmap',
  check(input) {
    const findings: RuleFinding[] = [];
    for (const document of input.documents) {
      for (const requirement of document.requirements) {
        if (requirement.roadmap.length > 0) continue;
        findings.push({
          path: document.path,
          line: requirement.line,
          key: requirement.key,
          message: `${requirement.key} is not linked to a roadmap item; add roadmap=RM-… to it.`,
        });
      }
    }
    return findings;
  },
};
