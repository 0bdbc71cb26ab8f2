/** `now-item-without-requirements`: a roadmap item in Now that no requirement delivers. */
import type { Rule, RuleFinding } from './finding.js';

export const nowItemWithoutRequirements: Rule = {
  id: 'now-item-without-requirements',
  check(input, keys) {
    const findings: RuleFinding[] = [];
    for (const item of input.roadmap) {
      if (item.lane !== 'now' || keys.deliveredBy.has(item.key)) continue;
      findings.push({
        path: keys.roadmapPath,
        line: keys.roadmapLine(item.key),
        key: item.key,
        message: `${item.key} (${item.title}) is in Now, but no requirement delivers it.`,
      });
    }
    return findings;
  },
};
