import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitDocument } from '../../shared/frontMatter/frontMatter.js';
import { parsePlainFrontMatter, splitDocumentQuickly } from './plainFrontMatter.js';

const frontMatters: [string, string][] = [
  ['key and words', 'key: SPEC-3\ntitle: Guest checkout\nstatus: draft\n'],
  ['flow lists', 'implements: [REQ-12, REQ-13]\nanswers: []\n'],
  ['numbers', 'estimate: 3\nratio: 0.5\nexp: 1e3\nsigned: +12\nnegative: -4\nleading: 012\ndot: .5\n'],
  ['core-schema words', 'a: true\nb: False\nc: null\nd: ~\ne: yes\nf: no\ng: on\n'],
  ['empty value', 'owner:\ntitle: x\n'],
  ['dates stay text in YAML 1.2', 'due: 2024-01-31\n'],
  ['quoted', "title: 'It''s here: now'\nsubtitle: \"plain quoted\"\n"],
  ['trailing spaces and CRLF', 'key: SPEC-1  \r\ntitle: A title\t\r\n'],
  ['blank lines', '\nkey: SPEC-1\n\n'],
  ['unicode', 'title: Résumé für Zoë 日本\n'],
  ['hexadecimal', 'n: 0x1F\n'],
  ['octal', 'n: 0o17\n'],
  ['infinity', 'n: .inf\n'],
  ['comment', '# note\nkey: SPEC-1\n'],
  ['trailing comment', 'key: SPEC-1 # the key\n'],
  ['colon in a value', 'title: Checkout: guest\n'],
  ['block list', 'implements:\n  - REQ-1\n'],
  ['duplicate key', 'key: A-1\nkey: A-2\n'],
  ['proto key', '__proto__: x\n'],
  ['keys YAML reads as null or booleans', 'null: \nNULL: 1\nTrue: 2\nfalse: 3\n'],
  ['a key written ~', '~: x\n'],
  ['anchor', 'a: &x 1\nb: *x\n'],
  ['flow map', 'rice: {reach: 1}\n'],
  ['quoted list item', "implements: ['REQ-1']\n"],
  ['escaped double quotes', 'title: "a\\tb"\n'],
  ['not a mapping', '- a\n- b\n'],
  ['malformed', 'title: [unclosed\n'],
];

describe('splitDocumentQuickly', () => {
  it.each(frontMatters)('equals splitDocument: %s', (_name, yaml) => {
    const text = `---\n${yaml}---\nBody\n`;
    expect(splitDocumentQuickly(text)).toEqual(splitDocument(text));
  });

  const documents: [string, string][] = [
    ['no front matter', '# Title\n'],
    ['BOM', '\uFEFF---\nkey: A-1\n---\nBody'],
    ['unclosed', '---\nkey: A-1\nBody\n'],
    ['dots close', '---\nkey: A-1\n...\nBody\n'],
    ['no final newline', '---\nkey: A-1\n---'],
    ['CRLF', '---\r\nkey: A-1\r\n---\r\nBody\r\n'],
  ];
  it.each(documents)('equals splitDocument: %s', (_name, text) => {
    expect(splitDocumentQuickly(text)).toEqual(splitDocument(text));
  });

  it('equals splitDocument on every file of the sample workspace', () => {
    const root = path.resolve(import.meta.dirname, '../../samples/acme-checkout');
    const texts = ['specs', 'stories', 'faqs'].flatMap((folder) =>
      readdirSync(path.join(root, folder)).map((name) => readFileSync(path.join(root, folder, name), 'utf8')),
    );
    expect(texts.map(splitDocumentQuickly)).toEqual(texts.map((text) => splitDocument(text)));
  });
});

describe('parsePlainFrontMatter', () => {
  const cases: [string, string, boolean][] = [
    ['simple fields take the fast path', 'key: SPEC-1\nimplements: [REQ-1]\n', true],
    ['a block list does not', 'implements:\n  - REQ-1\n', false],
    ['a colon in a value does not', 'title: a: b\n', false],
  ];
  it.each(cases)('%s', (_name, yaml, fast) => {
    expect(parsePlainFrontMatter(yaml) !== undefined).toBe(fast);
  });
});
