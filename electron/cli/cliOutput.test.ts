import { describe, expect, it } from 'vitest';
import { fileLocation, formatTable, plural, shownPath } from './cliOutput.js';

describe('formatTable', () => {
  const cases: [string[][], number[], string[]][] = [
    [[], [], []],
    [[['a', 'b']], [], ['a  b']],
    [
      [
        ['specs/a.md:3', 'error', 'broken-link', 'x'],
        ['stories/long-name.md:12', 'warning', 'must-without-story', 'y'],
      ],
      [],
      [
        'specs/a.md:3             error    broken-link         x',
        'stories/long-name.md:12  warning  must-without-story  y',
      ],
    ],
    [
      [
        ['RM-1', '3'],
        ['RM-10', '12'],
      ],
      [1],
      ['RM-1    3', 'RM-10  12'],
    ],
    [[['key', '']], [], ['key']],
  ];
  it.each(cases)('%j', (rows, rightAligned, expected) => {
    expect(formatTable(rows, rightAligned)).toEqual(expected);
  });
});

describe('fileLocation and plural', () => {
  const context = { cwd: '/home/dana', stdout: { write: () => true }, stderr: { write: () => true } };
  const cases: [string, unknown, unknown][] = [
    [
      'a file below the working folder',
      fileLocation(context, '/home/dana/acme', 'specs/a.md', 4),
      'acme/specs/a.md:4',
    ],
    ['a file elsewhere', fileLocation(context, '/srv/acme', 'specs/a.md', 4), '/srv/acme/specs/a.md:4'],
    [
      'a file elsewhere in the workspace the user is in',
      fileLocation({ ...context, cwd: '/home/dana/acme/specs' }, '/home/dana/acme', 'stories/b.md', 2),
      '../stories/b.md:2',
    ],
    [
      'a folder given whole, above the working folder',
      shownPath(context, '/tmp/walk12c/dana'),
      '/tmp/walk12c/dana',
    ],
    ['a folder given relative, below', shownPath(context, 'walk/dana'), 'walk/dana'],
    ['the working folder', shownPath(context, '/home/dana'), '.'],
    ['its parent', shownPath(context, '..'), '/home'],
    ['no line', fileLocation(context, '/home/dana/acme', 'roadmap.json'), 'acme/roadmap.json'],
    ['one', plural(1, 'file'), '1 file'],
    ['many', plural(3, 'file'), '3 files'],
    ['none', plural(0, 'error'), '0 errors'],
  ];
  it.each(cases)('%s', (_name, actual, expected) => {
    expect(actual).toEqual(expected);
  });
});
