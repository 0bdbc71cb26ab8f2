import { describe, it, expect } from 'vitest';
import { gherkinSteps, type GherkinStep } from './gherkinSteps.js';

const steps = (...pairs: [GherkinStep['keyword'], string][]): GherkinStep[] =>
  pairs.map(([keyword, text]) => ({ keyword, text }));

describe('gherkinSteps', () => {
  const cases: { criterion: string; expected: GherkinStep[] | undefined }[] = [
    {
      criterion:
        'Given a cart and no session, when I choose "Continue as guest", then I see the shipping step.',
      expected: steps(
        ['Given', 'a cart and no session'],
        ['When', 'I choose "Continue as guest"'],
        ['Then', 'I see the shipping step'],
      ),
    },
    {
      criterion:
        'Given a guest cart, and a saved address, when I pay; then I see the receipt, but no account is created',
      expected: steps(
        ['Given', 'a guest cart'],
        ['And', 'a saved address'],
        ['When', 'I pay'],
        ['Then', 'I see the receipt'],
        ['But', 'no account is created'],
      ),
    },
    {
      criterion: 'When I pay then I see the receipt',
      expected: steps(['When', 'I pay'], ['Then', 'I see the receipt']),
    },
    {
      criterion: 'Given a cart when I pay by card then I see the **receipt** for [[STORY-1|my order]]',
      expected: steps(
        ['Given', 'a cart'],
        ['When', 'I pay by card'],
        ['Then', 'I see the receipt for my order'],
      ),
    },
    {
      criterion: 'Given the "when, then" banner, when I close it, then it stays closed',
      expected: steps(
        ['Given', 'the "when, then" banner'],
        ['When', 'I close it'],
        ['Then', 'it stays closed'],
      ),
    },
    { criterion: 'The receipt arrives within a minute.', expected: undefined },
    { criterion: 'Given a cart, when I pay', expected: undefined },
    { criterion: 'Then I see it, given a cart, when I pay', expected: undefined },
    { criterion: 'Given a cart, when I pay, then', expected: undefined },
    { criterion: '', expected: undefined },
  ];
  for (const testCase of cases) {
    it(testCase.criterion || '(empty)', () => {
      expect(gherkinSteps(testCase.criterion)).toEqual(testCase.expected);
    });
  }
});
