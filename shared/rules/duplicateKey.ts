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
    if (keys.duplicated.size === 0) return [];
    // Only the few duplicated keys are gathered: the index already knows which they are.
    const uses: KeyUse[] = [];
    const add = (key: string, path: string, line: number): void => {
      if (keys.duplicated.has(key)) uses.push({ key, path, line });
    };
    for (const document of input.documents) {
      if (document.key !== undefined) add(document.key, document.path, 1);
      for (const requirement of document.requirements) add(requirement.key, document.path, requirement.line);
    }
    const occurrences = new Map<string, number>();
    for (const item of [...input.roadmap, ...(input.releases ?? [])]) {
      const occurrence = occurrences.get(item.key) ?? 0;
      occurrences.set(item.key, occurrence + 1);
      add(item.key, keys.roadmapPath, keys.roadmapLine(item.key, occurrence));
    }
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
