/** `duplicate-key`: two documents, requirements or roadmap items sharing one key. */
import { findDuplicateKeys } from '../model/keys.js';
import type { Rule, RuleFinding } from './finding.js';

interface KeyUse {
  key: string;
  path: string;
  line: number;
}

const listedPlaces = 3;

export const duplicateKey: Rule = {
  id: 'duplicate-key',
  check(input, keys) {
    const uses: KeyUse[] = [];
    for (const document of input.documents) {
      if (document.key !== undefined) uses.push({ key: document.key, path: document.path, line: 1 });
      for (const requirement of document.requirements)
        uses.push({ key: requirement.key, path: document.path, line: requirement.line });
    }
    for (const item of input.roadmap) uses.push({ key: item.key, path: keys.roadmapPath, line: 1 });
    const findings: RuleFinding[] = [];
    for (const [key, sharing] of findDuplicateKeys(uses)) {
      for (const use of sharing) {
        const others = sharing.filter((other) => other !== use).map((other) => `${other.path}:${other.line}`);
        const more = others.length > listedPlaces ? ` and ${others.length - listedPlaces} more` : '';
        findings.push({
          path: use.path,
          line: use.line,
          key,
          message: `${key} is also used in ${others.slice(0, listedPlaces).join(', ')}${more}; keys must be unique.`,
        });
      }
    }
    return findings;
  },
};
