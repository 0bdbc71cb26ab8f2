/** `story-without-acceptance-criteria`: a story with no "Acceptance criteria" section, or one without items. */
import type { Rule, RuleFinding } from './finding.js';
import { isTemplateExample } from './templateExample.js';

export const acceptanceCriteriaTitle = 'acceptance criteria';

export const storyWithoutAcceptanceCriteria: Rule = {
  id: 'story-without-acceptance-criteria',
  check(input) {
    const findings: RuleFinding[] = [];
    for (const document of input.documents) {
      if (document.type !== 'story') continue;
      const name = document.key ?? document.path;
      const sections = document.sections.filter(
        (section) => section.title.trim().toLowerCase() === acceptanceCriteriaTitle,
      );
      // Criteria that are still the template's example are unfilled-template's to report.
      if (sections.some((section) => section.items > 0 || isTemplateExample(input, document, section)))
        continue;
      const finding: RuleFinding =
        sections.length === 0
          ? {
              path: document.path,
              line: document.bodyLine,
              message: `${name} has no "Acceptance criteria" section.`,
            }
          : {
              path: document.path,
              line: sections[0]!.line,
              message: `The acceptance criteria of ${name} list no items; add one Given/When/Then item per criterion.`,
            };
      if (document.key !== undefined) finding.key = document.key;
      findings.push(finding);
    }
    return findings;
  },
};
