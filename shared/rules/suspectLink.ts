/** `suspect-link`: a story implements a requirement whose text changed since the story was reviewed against it. */
import { suspectLinks } from '../model/signOff.js';
import type { Rule, RuleFinding } from './finding.js';

export const suspectLink: Rule = {
  id: 'suspect-link',
  check(input, keys) {
    const findings: RuleFinding[] = [];
    const requirementOf = (key: string) => keys.requirements.get(key)?.requirement;
    for (const document of input.documents) {
      if (document.type !== 'story') continue;
      for (const suspect of suspectLinks(document, requirementOf)) {
        findings.push({
          path: document.path,
          line: 1,
          key: suspect.requirement,
          message: `${suspect.requirement} changed since ${suspect.story} was reviewed against it: check the story, then mark it reviewed.`,
        });
      }
    }
    return findings;
  },
};
