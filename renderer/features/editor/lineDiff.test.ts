import { describe, it, expect } from 'vitest';
import { foldUnchanged, lineDiff } from './lineDiff.js';

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

describe('foldUnchanged', () => {
  const rows = (mine: string, theirs: string) =>
    foldUnchanged(lineDiff(mine, theirs), 1)
      .map((row) => (row.kind === 'skipped' ? `…${row.count}` : `${row.kind[0]}${row.text}`))
      .join('|');
  const cases: [string, string, string, string][] = [
    ['long runs fold, context stays', '1\n2\n3\nx\n4\n5\n6', '1\n2\n3\ny\n4\n5\n6', '…2|s3|mx|ty|s4|…2'],
    ['short runs stay whole', 'a\nx\nb', 'a\ny\nb', 'sa|mx|ty|sb'],
  ];
  it.each(cases)('%s', (_name, mine, theirs, expected) => {
    expect(rows(mine, theirs)).toBe(expected);
  });
});
