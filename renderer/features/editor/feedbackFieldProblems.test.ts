import { describe, expect, it } from 'vitest';
import { webAddress } from '../../ui/webAddress.js';
import { dateProblem, urlProblem } from './feedbackFieldProblems.js';

const badDate = 'A date is written YYYY-MM-DD, e.g. 2026-11-09.';
const badUrl = 'The address must start with http:// or https://.';

describe('a feedback note header field as typed', () => {
  const cases: [string, (value: string) => string | undefined, string, string | undefined][] = [
    ['date', dateProblem, '2026-11-09', undefined],
    ['date', dateProblem, '', undefined],
    ['date', dateProblem, '2024-02-29', undefined],
    ['date', dateProblem, '2026-02-29', badDate],
    ['date', dateProblem, '2026-13-01', badDate],
    ['date', dateProblem, '9/11/2026', badDate],
    ['date', dateProblem, '2026-11-9', badDate],
    ['url', urlProblem, 'https://support.example.com/tickets/51140', undefined],
    ['url', urlProblem, 'http://example.com', undefined],
    ['url', urlProblem, '', undefined],
    ['url', urlProblem, 'javascript:alert(1)', badUrl],
    ['url', urlProblem, 'JaVaScRiPt:alert(1)', badUrl],
    ['url', urlProblem, 'mailto:a@example.com', badUrl],
    ['url', urlProblem, 'file:///etc/passwd', badUrl],
    ['url', urlProblem, 'https://user:secret@example.com/', badUrl],
    ['url', urlProblem, 'support.example.com/tickets/1', badUrl],
  ];
  it.each(cases)('%s %j', (_field, problem, value, expected) => {
    expect(problem(value)).toBe(expected);
  });
});

describe('webAddress', () => {
  const cases: [string, string | undefined][] = [
    ['  https://Example.com/a b ', 'https://example.com/a%20b'],
    ['\thttp://example.com', 'http://example.com/'],
    ['java\tscript:alert(1)', undefined],
    ['data:text/html,<script>', undefined],
    ['https://', undefined],
  ];
  it.each(cases)('%j', (raw, expected) => {
    expect(webAddress(raw)).toBe(expected);
  });
});
