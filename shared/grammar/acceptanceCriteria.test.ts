import { describe, it, expect } from 'vitest';
import type { CriterionEntry } from '../model/documentModel.js';
import { scanAcceptanceCriteria } from './acceptanceCriteria.js';
import { scanMarkdown } from './markdownScanner.js';

/** The criteria of a story body that starts at file line 8. */
function criteriaOf(body: string): CriterionEntry[] {
  const lines = body.split('\n');
  return scanAcceptanceCriteria(lines, scanMarkdown(body, lines).headings, 8);
}

describe('scanAcceptanceCriteria', () => {
  const cases: { name: string; body: string; expected: CriterionEntry[] }[] = [
    {
      name: 'checkbox items, open and done, with their file lines',
      body: 'As a shopper…\n\n## Acceptance criteria\n\n- [ ] Given a, when b, then c.\n- [x] Given d, when e, then f.\n',
      expected: [
        { line: 12, text: 'Given a, when b, then c.', done: false },
        { line: 13, text: 'Given d, when e, then f.', done: true },
      ],
    },
    {
      name: 'continuation lines join; nested items and code stay with their item; guidance is left out',
      body: [
        '## Acceptance criteria',
        '<!-- Required. One checkbox per criterion. -->',
        '1. Given a long context',
        '   that wraps, when I act,',
        '   then I see it.',
        '   - a nested note',
        '   ```',
        '   - not an item',
        '   ```',
        '     more of the nested note',
        '* Plain item',
        '## Notes',
        '- not a criterion',
      ].join('\n'),
      expected: [
        { line: 10, text: 'Given a long context that wraps, when I act, then I see it.' },
        { line: 18, text: 'Plain item' },
      ],
    },
    {
      name: 'the heading in another case; a paragraph ends an item',
      body: '### acceptance Criteria\n- [X] Given x, when y, then z\n\nA closing remark.\n',
      expected: [{ line: 9, text: 'Given x, when y, then z', done: true }],
    },
    { name: 'no such section', body: '## Notes\n- Given a, when b, then c\n', expected: [] },
    { name: 'an empty checkbox', body: '## Acceptance criteria\n- [ ] \n', expected: [] },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      expect(criteriaOf(testCase.body)).toEqual(testCase.expected);
    });
  }
});
