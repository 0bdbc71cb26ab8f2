import { describe, it, expect } from 'vitest';
import { lineDiff } from './lineDiff.js';

const show = (mine: string, theirs: string) =>
  lineDiff(mine, theirs)
    .map((line) => `${line.kind === 'same' ? ' ' : line.kind === 'mine' ? '-' : '+'}${line.text}`)
    .join('|');

describe('lineDiff', () => {
  const cases: [string, string, string, string][] = [
    ['identical', 'a\nb', 'a\nb', ' a| b'],
    ['one line changed', 'a\nb\nc', 'a\nB\nc', ' a|-b|+B| c'],
    ['line added by them', 'a\nc', 'a\nb\nc', ' a|+b| c'],
    ['line removed by them', 'a\nb\nc', 'a\nc', ' a|-b| c'],
    ['all different', 'x', 'y', '-x|+y'],
  ];
  it.each(cases)('%s', (_name, mine, theirs, expected) => {
    expect(show(mine, theirs)).toBe(expected);
  });
});
