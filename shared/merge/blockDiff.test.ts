import { describe, expect, it } from 'vitest';
import { createMarkdownCodec } from '../markdown/markdownCodec.js';
import { markdownBlockChanges } from './blockDiff.js';
import { codecBlockSplitter } from './codecBlocks.js';

const splitBlocks = codecBlockSplitter(createMarkdownCodec());

const front = (fields: string) => `---\nkey: SPEC-1\ntype: spec\n${fields}---\n`;
const requirement = (key: string, text: string) => `:::requirement{#${key} priority=must}\n${text}\n:::\n`;
const spec = (fields: string, ...blocks: string[]) =>
  `${front(fields)}## Requirements\n\n${blocks.join('\n')}`;

const r1 = requirement('REQ-1', 'Guests pay without an account.');
const r2 = requirement('REQ-2', 'The receipt goes to the email given.');
const r3 = requirement('REQ-3', 'Guests can track the order.');
const status = 'status: draft\n';

describe('markdownBlockChanges', () => {
  it.each<[string, string, string, [string, string][]]>([
    ['no change', spec(status, r1), spec(status, r1), []],
    [
      'a front-matter field changed',
      spec(status, r1),
      spec('status: review\n', r1),
      [['front matter: status', 'changed']],
    ],
    [
      'a field added',
      spec(status, r1),
      spec(`${status}owner: Dana\n`, r1),
      [['front matter: owner', 'added']],
    ],
    [
      'one requirement reworded among others',
      spec(status, r1, r2, r3),
      spec(status, r1, requirement('REQ-2', 'The receipt goes to the address given.'), r3),
      [['REQ-2', 'changed']],
    ],
    ['a requirement moved below another', spec(status, r1, r2), spec(status, r2, r1), [['REQ-1', 'moved']]],
    [
      'a requirement added and one removed',
      spec(status, r1, r2),
      spec(status, r1, r3),
      [
        ['REQ-2', 'removed'],
        ['REQ-3', 'added'],
      ],
    ],
    [
      'a paragraph edited and a heading added',
      spec(status, 'Shoppers leave at the account step.\n'),
      spec(status, 'Shoppers abandon at the account step.\n\n## Goals\n'),
      [
        ['a paragraph', 'changed'],
        ['heading "Goals"', 'added'],
      ],
    ],
    ['CRLF on one side only is not a change', spec(status, r1), spec(status, r1).replace(/\n/g, '\r\n'), []],
  ])('%s', (_name, before, after, expected) => {
    expect(
      markdownBlockChanges(before, after, splitBlocks).map((change) => [change.what, change.change]),
    ).toEqual(expected);
  });
});
