import { describe, it, expect } from 'vitest';
import { documentFixture, requirementFixture, roadmapFixture } from './documentFixture.js';
import { exitCodeFor, runRules, type Finding } from './runRules.js';
import { settingsSchema } from '../model/settingsModel.js';

const documents = [
  documentFixture({
    path: 'specs/b.md',
    key: 'SPEC-2',
    type: 'spec',
    requirements: [requirementFixture('REQ-2', 7, { priority: 'could', roadmap: ['RM-1'] })],
  }),
  documentFixture({
    path: 'specs/a.md',
    key: 'SPEC-1',
    type: 'spec',
    references: [{ target: 'SPEC-9', line: 20, column: 1 }],
    requirements: [requirementFixture('REQ-1', 5, { priority: 'could' })],
  }),
];

describe('runRules', () => {
  const cases: {
    name: string;
    rules: Record<string, string>;
    expected: Pick<Finding, 'rule' | 'severity' | 'path' | 'line'>[];
  }[] = [
    {
      name: 'default severities, sorted by path then line',
      rules: {},
      expected: [
        { rule: 'requirement-without-roadmap', severity: 'warning', path: 'specs/a.md', line: 5 },
        { rule: 'broken-link', severity: 'error', path: 'specs/a.md', line: 20 },
      ],
    },
    {
      name: 'settings change a severity and turn a rule off',
      rules: { 'broken-link': 'off', 'requirement-without-roadmap': 'error' },
      expected: [{ rule: 'requirement-without-roadmap', severity: 'error', path: 'specs/a.md', line: 5 }],
    },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      const settings = settingsSchema.parse({ rules: testCase.rules });
      const findings = runRules({ documents, roadmap: [roadmapFixture('RM-1')], settings });
      expect(findings.map(({ rule, severity, path, line }) => ({ rule, severity, path, line }))).toEqual(
        testCase.expected,
      );
    });
  }
});

describe('exitCodeFor', () => {
  const finding = (severity: Finding['severity']): Finding => ({
    rule: 'broken-link',
    severity,
    path: 'a.md',
    line: 1,
    message: 'x',
  });
  const cases: { name: string; findings: Finding[]; expected: 0 | 1 }[] = [
    { name: 'clean', findings: [], expected: 0 },
    { name: 'warnings and info only', findings: [finding('warning'), finding('info')], expected: 0 },
    { name: 'an error', findings: [finding('info'), finding('error')], expected: 1 },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      expect(exitCodeFor(testCase.findings)).toBe(testCase.expected);
    });
  }
});
