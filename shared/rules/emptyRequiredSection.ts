/** `empty-required-section`: a section the template marks required that holds only its heading and guidance. */
import { builtInTemplate, type TemplateType } from '../templates/template.js';
import type { Rule, RuleFinding } from './finding.js';
import { acceptanceCriteriaTitle } from './storyWithoutAcceptanceCriteria.js';
import { isTemplateExample } from './templateExample.js';

const templateTypes: TemplateType[] = ['spec', 'story', 'faq'];

export const emptyRequiredSection: Rule = {
  id: 'empty-required-section',
  check(input) {
    const required = new Map<string, Set<string>>();
    for (const type of templateTypes) {
      const titles = input.requiredSections?.[type] ?? builtInTemplate(type).requiredSections;
      required.set(type, new Set(titles.map((title) => title.trim().toLowerCase())));
    }
    const findings: RuleFinding[] = [];
    for (const document of input.documents) {
      const titles = required.get(document.type);
      if (!titles || titles.size === 0) continue;
      for (const section of document.sections) {
        const title = section.title.trim().toLowerCase();
        if (!titles.has(title) || section.words > 0 || section.items > 0) continue;
        // A section holding only its template's example (an FAQ's sample question) is unfilled-template's.
        if (isTemplateExample(input, document, section)) continue;
        // An empty story's acceptance criteria are story-without-acceptance-criteria's to report.
        if (document.type === 'story' && title === acceptanceCriteriaTitle) continue;
        const finding: RuleFinding = {
          path: document.path,
          line: section.line,
          message: `The required section "${section.title}" in ${document.key ?? document.path} is empty.`,
        };
        if (document.key !== undefined) finding.key = document.key;
        findings.push(finding);
      }
    }
    return findings;
  },
};
