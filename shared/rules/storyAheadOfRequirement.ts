/**
 * `story-ahead-of-requirement`: a story that is `ready` or `in-progress` while a requirement it
 * implements is still `draft`: the team is about to build (or building) what the PM has not settled.
 * Reported at the line listing the requirement in the story's `implements`.
 */
import type { Rule, RuleFinding } from './finding.js';

const underway = new Set(['ready', 'in-progress']);

export const storyAheadOfRequirement: Rule = {
  id: 'story-ahead-of-requirement',
  check(input, keys) {
    const findings: RuleFinding[] = [];
    for (const document of input.documents) {
      if (document.type !== 'story' || document.status === undefined || !underway.has(document.status))
        continue;
      const from = document.key ?? document.path;
      for (const key of new Set(document.implements)) {
        const found = keys.requirements.get(key);
        if (found?.requirement.status !== 'draft') continue;
        const spec = found.document.key ?? found.document.path;
        findings.push({
          ...(document.key === undefined ? {} : { key: document.key }),
          path: document.path,
          line: input.linkLine?.(document, 'implements', key) ?? 1,
          message: `${from} is ${document.status}, but ${key} (${spec}) that it implements is still a draft: settle the requirement first, or move the story back.`,
        });
      }
    }
    return findings;
  },
};
