import { describe, it, expect } from 'vitest';
import type { FindingView } from '../../../shared/contract/apiContract.js';
import { findingCounts, groupFindings, ruleCounts } from './groupFindings.js';

function finding(severity: FindingView['severity'], path: string, line: number): FindingView {
  return { rule: 'broken-link', severity, path, line, message: `${path}:${line}` };
}

describe('groupFindings', () => {
  const cases: [string, FindingView[], string][] = [
    ['none', [], 'No problems'],
    [
      'most severe first, file and line order inside',
      [
        finding('warning', 'specs/b.md', 3),
        finding('error', 'specs/b.md', 9),
        finding('info', 'a.md', 1),
        finding('error', 'specs/a.md', 20),
        finding('error', 'specs/b.md', 2),
      ],
      '3 errors, 1 warning, 1 info: error specs/a.md:20 specs/b.md:2 specs/b.md:9 / warning specs/b.md:3 / info a.md:1',
    ],
    ['one error', [finding('error', 'x.md', 1)], '1 error: error x.md:1'],
  ];
  it.each(cases)('%s', (_name, findings, expected) => {
    const groups = groupFindings(findings);
    const listed = groups.map(
      (group) => `${group.severity} ${group.findings.map((f) => f.message).join(' ')}`,
    );
    const text =
      groups.length === 0 ? findingCounts(groups) : `${findingCounts(groups)}: ${listed.join(' / ')}`;
    expect(text).toBe(expected);
  });
});

describe('ruleCounts', () => {
  it('lists each rule that found something, most findings first, then by name', () => {
    const findings = [
      { ...finding('warning', 'a.md', 1), rule: 'shadowed-note' },
      { ...finding('error', 'a.md', 2), rule: 'broken-link' },
      { ...finding('warning', 'b.md', 1), rule: 'ambiguous-link' },
      { ...finding('warning', 'c.md', 1), rule: 'ambiguous-link' },
    ];
    expect(ruleCounts(findings)).toEqual([
      { rule: 'ambiguous-link', count: 2 },
      { rule: 'broken-link', count: 1 },
      { rule: 'shadowed-note', count: 1 },
    ]);
  });
});
