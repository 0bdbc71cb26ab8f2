import { describe, expect, it } from 'vitest';
import { popupPlacement, type Placement } from './popupPlacement.js';

const viewport = { width: 1024, height: 700 };

describe('popupPlacement', () => {
  const cases: [string, { left: number; top: number; bottom: number }, Placement][] = [
    [
      'room below: under the line',
      { left: 300, top: 100, bottom: 120 },
      { left: 300, top: 124, maxHeight: 300 },
    ],
    [
      'near the bottom of the window: above the line',
      { left: 300, top: 640, bottom: 660 },
      { left: 300, bottom: 64, maxHeight: 300 },
    ],
    [
      'a little room below: under the line, shorter',
      { left: 300, top: 460, bottom: 480 },
      { left: 300, top: 484, maxHeight: 208 },
    ],
    [
      'at the right edge: moved left to fit',
      { left: 1000, top: 100, bottom: 120 },
      { left: 636, top: 124, maxHeight: 300 },
    ],
  ];
  it.each(cases)('%s', (_name, caret, expected) => {
    expect(popupPlacement(caret, viewport)).toEqual(expected);
  });
});
