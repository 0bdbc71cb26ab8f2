/** `unfilled-template`: a section that still holds only its template's example (a sample sentence, table or question). */
import type { Rule, RuleFinding } from './finding.js';
import { isTemplateExample } from './templateExample.js';

export const unfilledTemplate: Rule = {
  id: 'unfilled-template',
  check(input) {
    const findings: RuleFinding[] = [];
    for (const document of input.documents) {
      for (const section of document.sections) {
        if (!isTemplateExample(input, document, section)) continue;
        const name = document.key ?? document.path;
        const place = section.title === '' ? `The opening of ${name}` : `"${section.title}" in ${name}`;
        const finding: RuleFinding = {
          path: document.path,
          line: section.line,
          message: `${place} still holds the template's example; replace it with your own words.`,
        };
        if (document.key !== undefined) finding.key = document.key;
        findings.push(finding);
      }
    }
    return findings;
  },
};
