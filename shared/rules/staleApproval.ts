/** `stale-approval`: a spec's requirements changed after its latest approval. */
import { approvalState } from '../model/signOff.js';
import type { Rule, RuleFinding } from './finding.js';

export const staleApproval: Rule = {
  id: 'stale-approval',
  check(input) {
    const findings: RuleFinding[] = [];
    for (const document of input.documents) {
      const state = approvalState(document);
      if (!state?.changedSince) continue;
      const when = state.latest.at ? ` on ${state.latest.at.slice(0, 10)}` : '';
      const finding: RuleFinding = {
        path: document.path,
        line: 1,
        message: `${document.key ?? document.title} was approved by ${state.latest.by}${when}, and its requirements changed since.`,
      };
      if (document.key !== undefined) finding.key = document.key;
      findings.push(finding);
    }
    return findings;
  },
};
