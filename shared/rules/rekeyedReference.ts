/**
 * `rekeyed-reference`: a link written for a copy of a duplicated key that was renamed after a merge
 * still points at the old key. What the recorded state proves: git blame said the link was written on
 * the renamed copy's side, before the merge that brought both copies, and nobody has pointed it to the
 * new key or chosen to keep the old one since (Changes drops the record then).
 */
import { linkVerbs, standingReferences } from '../model/rekeyRecord.js';
import type { Rule, RuleFinding } from './finding.js';

export const rekeyedReference: Rule = {
  id: 'rekeyed-reference',
  check(input) {
    const findings: RuleFinding[] = [];
    const fieldLine = input.linkLine ?? (() => 1);
    for (const record of input.rekeys ?? []) {
      for (const reference of standingReferences(record, input.documents, fieldLine)) {
        findings.push({
          path: reference.path,
          line: reference.line,
          key: record.key,
          message: `${reference.from} ${linkVerbs[reference.kind] ?? reference.kind} ${record.key}, written for the copy renamed to ${record.newKey} after a merge: point it to ${record.newKey} or keep ${record.key} (Changes).`,
        });
      }
    }
    return findings;
  },
};
