/**
 * `ambiguous-link`: a link by name (`[[Settings]]`, `![[chart.png]]`) that several files answer to,
 * none at the exact path and none in the linking note's folder, so only the length of their paths
 * decides which one it opens (Obsidian's last rule, which no author means). Reported once per link.
 */
import type { Rule, RuleFinding } from './finding.js';
import { ambiguityProblem, formatNameLink } from './nameLinkProblem.js';

export const ambiguousLink: Rule = {
  id: 'ambiguous-link',
  check(input, keys) {
    const findings: RuleFinding[] = [];
    for (const document of input.documents) {
      for (const link of document.nameLinks) {
        const resolved = keys.names.resolve(link, document.path);
        if (resolved.kind !== 'ambiguous') continue;
        findings.push({
          ...(document.key === undefined ? {} : { key: document.key }),
          path: document.path,
          line: link.line,
          message: `${formatNameLink(link)} in ${document.key ?? document.path} ${ambiguityProblem(link, resolved.candidates, resolved.path)}.`,
        });
      }
    }
    return findings;
  },
};
