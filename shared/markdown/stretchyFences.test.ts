import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { stretchableFences } from './stretchyFences.js';

const operators = (tex: string) =>
  stretchableFences(katex.renderToString(tex, { output: 'mathml' })).match(/<mo[^>]*>[^<]*<\/mo>/g);

describe('stretchableFences', () => {
  it.each([
    [
      'a vmatrix fence becomes a bar that stretches',
      '\\begin{vmatrix}a\\\\b\\end{vmatrix}',
      ['<mo fence="true">|</mo>', '<mo fence="true">|</mo>'],
    ],
    [
      'a Vmatrix fence becomes a double bar that stretches',
      '\\begin{Vmatrix}a\\\\b\\end{Vmatrix}',
      ['<mo fence="true">‖</mo>', '<mo fence="true">‖</mo>'],
    ],
    [
      'lVert and \\| are not fences, and stay',
      '\\lVert x \\rVert',
      ['<mo stretchy="false">∥</mo>', '<mo stretchy="false">∥</mo>'],
    ],
    [
      'lvert and mid are not fences, and stay',
      '\\lvert x \\rvert',
      ['<mo stretchy="false">∣</mo>', '<mo stretchy="false">∣</mo>'],
    ],
  ])('%s', (_name, tex, expected) => {
    expect(operators(tex)).toEqual(expected);
  });
});
