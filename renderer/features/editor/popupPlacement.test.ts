import { describe, expect, it } from 'vitest';
import { popupPlacement, previewPlacement, type Placement, type PreviewPlacement } from './popupPlacement.js';

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

describe('previewPlacement', () => {
  const short = { width: 1024, height: 400 };
  const cases: [string, { left: number; top: number; bottom: number }, typeof viewport, PreviewPlacement][] =
    [
      [
        'room below: under the link',
        { left: 300, top: 100, bottom: 120 },
        viewport,
        { above: false, left: 300, top: 124, maxHeight: 340 },
      ],
      [
        'near the bottom of a 1024×700 window: above the link',
        { left: 300, top: 660, bottom: 680 },
        viewport,
        { above: true, left: 300, bottom: 44, maxHeight: 340 },
      ],
      [
        'short window, more room below: under the link, scrolling inside',
        { left: 300, top: 150, bottom: 170 },
        short,
        { above: false, left: 300, top: 174, maxHeight: 218 },
      ],
      [
        'short window, more room above: above the link, scrolling inside',
        { left: 300, top: 250, bottom: 270 },
        short,
        { above: true, left: 300, bottom: 154, maxHeight: 238 },
      ],
      [
        'at the right edge: shifted left',
        { left: 900, top: 100, bottom: 120 },
        viewport,
        { above: false, left: 636, top: 124, maxHeight: 340 },
      ],
      [
        'at the right end of a line in a 1440 window: moved left to end inside it',
        { left: 1250, top: 330, bottom: 350 },
        { width: 1440, height: 900 },
        { above: false, left: 1052, top: 354, maxHeight: 340 },
      ],
    ];
  it.each(cases)('%s', (_name, link, window, expected) => {
    expect(previewPlacement(link, window)).toEqual(expected);
  });
});
