/** `must-without-story`: a `priority=must` requirement no story implements. */
import type { Rule, RuleFinding } from './finding.js';

export const mustWithoutStory: Rule = {
  id: 'must-without-story',
  check(input, keys) {
    const findings: RuleFinding[] = [];
    for (const document of input.documents) {
      for (const requirement of document.requirements) {
        if (requirement.priority !== 'must' || keys.implementedBy.has(requirement.key)) continue;
        findings.push({
          path: document.path,
          line: requirement.line,
          key: requirement.key,
          message: `${requirement.key} is a must, but no story implements it.`,
        });
      }
    }
    return findings;
  },
};
