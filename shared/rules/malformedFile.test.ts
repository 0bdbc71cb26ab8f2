import { describe, it, expect } from 'vitest';
import { checkRule, documentFixture } from './documentFixture.js';
import { malformedFile } from './malformedFile.js';
import type { DocumentEntry } from '../model/documentModel.js';
import type { RuleFinding } from './finding.js';

describe('malformed-file', () => {
  const cases: { name: string; document: DocumentEntry; expected: RuleFinding[] }[] = [
    {
      name: 'a healthy file',
      document: documentFixture({ path: 'specs/a.md', key: 'SPEC-1' }),
      expected: [],
    },
    {
      name: 'front matter that does not parse, at its line',
      document: documentFixture({
        path: 'specs/a.md',
        problem: { message: 'Front matter is not valid YAML: bad indentation.', line: 4 },
      }),
      expected: [
        { path: 'specs/a.md', line: 4, message: 'Front matter is not valid YAML: bad indentation.' },
      ],
    },
    {
      name: 'a key that is not a key',
      document: documentFixture({ path: 'specs/a.md', key: 'spec 3' }),
      expected: [
        {
          path: 'specs/a.md',
          line: 1,
          message:
            'The key "spec 3" of specs/a.md is not a key like SPEC-3: capital letters, a hyphen, a number.',
        },
      ],
    },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      expect(checkRule(malformedFile, [testCase.document])).toEqual(testCase.expected);
    });
  }
});
