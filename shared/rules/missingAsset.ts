/** `missing-asset`: an image or embedded file (`![alt](img.png)`, `![[chart.png]]`, `<img src>`) that is not in the workspace. */
import type { Rule, RuleFinding } from './finding.js';
import { formatNameLink, isAssetLink, nameLinkProblem } from './nameLinkProblem.js';

export const missingAsset: Rule = {
  id: 'missing-asset',
  check(input, keys) {
    const findings: RuleFinding[] = [];
    for (const document of input.documents) {
      for (const link of document.nameLinks) {
        if (!isAssetLink(link)) continue;
        const resolved = keys.names.resolve(link, document.path);
        if (resolved.kind !== 'missing') continue;
        const problem = nameLinkProblem(document, link, keys);
        findings.push({
          ...(document.key === undefined ? {} : { key: document.key }),
          path: document.path,
          line: link.line,
          message: `${formatNameLink(link)} in ${document.key ?? document.path} ${problem ?? 'is missing'}.`,
        });
      }
    }
    return findings;
  },
};
