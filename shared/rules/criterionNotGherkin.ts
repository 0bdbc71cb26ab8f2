/** `criterion-not-gherkin`: an acceptance criterion the Gherkin export cannot split into Given/When/Then steps. */
import { gherkinSteps } from '../gherkin/gherkinSteps.js';
import type { Rule, RuleFinding } from './finding.js';

export const criterionNotGherkin: Rule = {
  id: 'criterion-not-gherkin',
  check(input) {
    const findings: RuleFinding[] = [];
    for (const document of input.documents) {
      if (document.type !== 'story') continue;
      for (const criterion of document.criteria) {
        if (gherkinSteps(criterion.text)) continue;
        const finding: RuleFinding = {
          path: document.path,
          line: criterion.line,
          message: `A criterion of ${document.key ?? document.path} does not read "Given …, when …, then …", so it exports as a comment, not a scenario.`,
        };
        if (document.key !== undefined) finding.key = document.key;
        findings.push(finding);
      }
    }
    return findings;
  },
};
