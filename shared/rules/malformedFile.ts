/** `malformed-file`: a file that could not be read, front matter that does not parse, or a key that is not a key. */
import { isKey } from '../grammar/linkGrammar.js';
import type { Rule, RuleFinding } from './finding.js';

export const malformedFile: Rule = {
  id: 'malformed-file',
  check(input) {
    const findings: RuleFinding[] = [];
    for (const document of input.documents) {
      if (document.problem)
        findings.push({
          path: document.path,
          line: document.problem.line,
          message: document.problem.message,
        });
      if (document.key !== undefined && !isKey(document.key)) {
        findings.push({
          path: document.path,
          line: 1,
          message: `The key "${document.key}" of ${document.path} is not a key like SPEC-3: capital letters, a hyphen, a number.`,
        });
      }
    }
    return findings;
  },
};
