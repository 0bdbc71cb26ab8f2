import { describe, it, expect } from 'vitest';
import { feedbackQuote } from './feedbackQuote.js';

describe('feedbackQuote', () => {
  const cases: { name: string; body: string; expected: string }[] = [
    {
      name: 'the first paragraph after the guidance comment, without Markdown',
      body: "<!-- The customer's words. -->\n\n> I **had** to create an\n> account \\[again\\] for [[RM-1|guest checkout]].\n\n## Context\n\nA designer.\n",
      expected: 'I had to create an account [again] for guest checkout.',
    },
    {
      name: 'headings and code before the quote are skipped',
      body: '## Quote\n\n```\nlog\n```\n- The <b>price</b> jumps at [the last step](https://example.com).\n',
      expected: 'The price jumps at the last step.',
    },
    { name: 'an empty note', body: '<!-- Guidance only. -->\n\n## Context\n', expected: '' },
    {
      name: 'a long quote is cut at a word',
      body: `${'word '.repeat(100)}\n`,
      expected: `${'word '.repeat(80).trimEnd()}…`,
    },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      expect(feedbackQuote(testCase.body.split('\n'))).toBe(testCase.expected);
    });
  }
});
