import { describe, expect, it } from 'vitest';
import { joinDocument, setFrontMatterFields, splitDocument } from './frontMatter.js';

const spec =
  '---\nkey: SPEC-3\ntype: spec\ntitle: Guest checkout # short\nimplements: [REQ-1]\n---\n## Problem\n';

describe('splitDocument', () => {
  it.each([
    ['plain body', '# Hello\n'],
    ['front matter', spec],
    ['BOM and CRLF', '\uFEFF---\r\nkey: SPEC-1\r\n---\r\nBody\r\n'],
    ['no final newline', '---\nkey: SPEC-1\n---'],
    ['unclosed fence', '---\nkey: SPEC-1\nno close\n'],
    ['dots close', '---\nkey: SPEC-1\n...\nBody'],
    ['malformed yaml', '---\nkey: [unclosed\n---\nBody\n'],
  ])('joins %s back to the same bytes', (_name, text) => {
    expect(joinDocument(splitDocument(text))).toBe(text);
  });

  it('parses fields and the body line', () => {
    const split = splitDocument(spec);
    expect([split.frontMatter?.data, split.body, split.bodyLine]).toEqual([
      { key: 'SPEC-3', type: 'spec', title: 'Guest checkout', implements: ['REQ-1'] },
      '## Problem\n',
      7,
    ]);
  });

  it.each([
    ['malformed', '---\ntitle: ok\nkey: a: b\n---\n', 3],
    ['duplicate field', '---\nkey: A-1\nkey: A-2\n---\n', 3],
    ['not a mapping', '---\n- a\n- b\n---\n', 2],
    ['a list left open', '---\nkey: A-1\nimplements: [REQ-1, REQ-2\nstatus: ready\n---\n', 3],
    ['a map left open', '---\nkey: A-1\nreviewed: {REQ-1: 3f2a\nstatus: ready\n---\n', 3],
    ['a double quote left open', '---\nkey: A-1\ntitle: "Guest \\"checkout\\"\nstatus: ready\n---\n', 3],
    ['a single quote left open', "---\nkey: A-1\ntitle: 'Guest''s\nstatus: ready\n---\n", 3],
    ['a tab as indentation', '---\nkey: A-1\nowner:\n\tname: Dana\n---\n', 4],
    ['an error after closed quotes and lists', '---\ntitle: "ok"\ntags: [a]\nkey: a: b\n---\n', 4],
    [
      'alias bomb',
      `---\na: &a [x, x, x, x, x, x, x, x, x]\n${Array.from(
        { length: 8 },
        (_, i) =>
          `b${i}: &b${i} [${Array(9)
            .fill(i === 0 ? '*a' : `*b${i - 1}`)
            .join(', ')}]`,
      ).join('\n')}\n---\n`,
      2,
    ],
  ])('reports %s front matter with a line number', (_name, text, line) => {
    expect(splitDocument(text).frontMatter?.error?.line).toBe(line);
  });

  it('reports a YAML error at the file line of the mistake, not the YAML line that would contradict it', () => {
    const error = splitDocument('---\nkey: STORY-1\ntitle: Bad\nimplements: [REQ-1\nstatus: ready\n---\n')
      .frontMatter?.error;
    expect([error?.line, /line \d|column/.test(error?.message ?? 'none')]).toEqual([4, false]);
  });

  it.each([
    ['created: 2018-12-21', '2018-12-21'],
    ['created: "2018-12-21"', '2018-12-21'],
    ['created: !!timestamp 2018-12-21', '2018-12-21'],
    ['created: !!timestamp 2018-12-21T10:30:00Z', '2018-12-21T10:30:00Z'],
    ['created: 2018-12-21T10:30:00Z', '2018-12-21T10:30:00Z'],
  ])('gives the date of %j as written, never a Date or 00:00:00.000Z', (line, expected) => {
    expect(splitDocument(`---\n${line}\n---\n`).frontMatter?.data.created).toBe(expected);
  });

  it('keeps __proto__ as an own field without polluting objects', () => {
    const data = splitDocument('---\n__proto__: {polluted: true}\n---\n').frontMatter!.data;
    expect([
      Object.prototype.hasOwnProperty.call(data, '__proto__'),
      ({} as Record<string, unknown>).polluted,
    ]).toEqual([true, undefined]);
  });
});

describe('setFrontMatterFields', () => {
  const raw = splitDocument(spec).frontMatter!.raw;
  it.each([
    [
      'replaces one plain line, keeping its comment',
      { title: 'Pay as guest' },
      raw.replace('Guest checkout', 'Pay as guest'),
    ],
    [
      'adds a new field at the end',
      { owner: 'Dana' },
      raw.replace('---\n##', '').replace(/---\n$/, 'owner: Dana\n---\n'),
    ],
    ['removes a field', { type: undefined }, raw.replace('type: spec\n', '')],
    [
      'writes a list in flow style',
      { implements: ['REQ-1', 'REQ-2'] },
      raw.replace('[REQ-1]', '[REQ-1, REQ-2]'),
    ],
    [
      'writes a map in flow style without padding',
      { reviewed: { 'REQ-1': '3f2a9c1e' } },
      raw.replace('---\n##', '').replace(/---\n$/, 'reviewed: {REQ-1: 3f2a9c1e}\n---\n'),
    ],
    ['quotes a value that needs it', { title: 'a: b' }, raw.replace('Guest checkout', '"a: b"')],
  ])('%s', (_name, changes, expected) => {
    expect(setFrontMatterFields(raw, changes)).toBe(expected);
  });

  it('edits a block list in its own style, touching only the added and removed entries', () => {
    const story = [
      '---',
      'key: STORY-4',
      'depends: [STORY-1, REQ-2]',
      'design:',
      '  - "[Receipt page (Figma)](https://figma.com/r)" # the agreed one',
      '  - https://example.com/old',
      'status: ready',
      '---',
      '',
    ].join('\n');
    const added = setFrontMatterFields(story, {
      design: ['[Receipt page (Figma)](https://figma.com/r)', 'https://example.com/new'],
    });
    expect(added).toBe(story.replace('https://example.com/old', 'https://example.com/new'));
    const flow = setFrontMatterFields(story, { depends: ['STORY-1', 'REQ-2', 'RM-3'] });
    expect(flow).toBe(story.replace('[STORY-1, REQ-2]', '[STORY-1, REQ-2, RM-3]'));
  });

  it('creates a block when there is none', () => {
    expect(setFrontMatterFields(undefined, { key: 'STORY-1', implements: ['REQ-2'] })).toBe(
      '---\nkey: STORY-1\nimplements: [REQ-2]\n---\n',
    );
  });
});
