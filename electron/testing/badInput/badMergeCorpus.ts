/**
 * Hostile inputs for the merge driver, as git could hand them over: binary files, bytes that are
 * not UTF-8, a 20 MB side, broken front matter, JSON that is not JSON, markers already in a file.
 * The driver must exit 0 or 1, print at most one line, and never lose either side.
 */
import { specText } from './badInputCorpus.js';

type Bytes = string | Uint8Array;

export interface BadMerge {
  name: string;
  /** The path git names (%P): it decides how the file is merged. */
  path: string;
  base: Bytes | (() => Bytes);
  ours: Bytes | (() => Bytes);
  theirs: Bytes | (() => Bytes);
  /**
   * `kept-ours`: not text, so %A must be left byte for byte and the exit code 1 (theirs stays in
   * git's index); `merged`: text, and every line either side added must be in the result.
   */
  expect: 'kept-ours' | 'merged';
}

const pngBytes = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
]);
const latin1 = new Uint8Array([...Buffer.from('# Caf'), 0xe9, 0x0a]);
const spec = specText('SPEC-1');
const line = 'Guests pay without an account, and the receipt goes to the email they give us.\n';
/** 20 MB of Markdown, generated rather than kept in the repository. */
const big = () => `# Big\n\n${line.repeat(250_000)}`;

export const badMerges: BadMerge[] = [
  {
    name: 'ours is a binary file named .md',
    path: 'specs/a.md',
    base: spec,
    ours: pngBytes,
    theirs: spec + 'More.\n',
    expect: 'kept-ours',
  },
  {
    name: 'theirs is a binary file named .md',
    path: 'specs/a.md',
    base: spec,
    ours: spec + 'Ours.\n',
    theirs: pngBytes,
    expect: 'kept-ours',
  },
  {
    name: 'the ancestor is not UTF-8',
    path: 'specs/a.md',
    base: latin1,
    ours: spec,
    theirs: spec + 'More.\n',
    expect: 'kept-ours',
  },
  {
    name: 'theirs is not UTF-8',
    path: 'specs/a.md',
    base: spec,
    ours: spec + 'Ours.\n',
    theirs: latin1,
    expect: 'kept-ours',
  },
  {
    name: 'a binary roadmap.json',
    path: 'roadmap.json',
    base: '{"items":[]}\n',
    ours: '{"items":[]}\n',
    theirs: new Uint8Array([0, 159, 146, 150, 255]),
    expect: 'kept-ours',
  },
  {
    name: 'a 20 MB side edited at both ends',
    path: 'specs/big.md',
    base: big,
    ours: () => big().replace('# Big', '# Big, ours'),
    theirs: () => `${big()}Theirs appended.\n`,
    expect: 'merged',
  },
  {
    name: 'a 20 MB side against a small rewrite',
    path: 'specs/big.md',
    base: spec,
    ours: big,
    theirs: spec.replace('Guests can pay.', 'Theirs.'),
    expect: 'merged',
  },
  {
    name: 'a 20 MB roadmap.json that is not JSON',
    path: 'roadmap.json',
    base: '{"items":[]}\n',
    ours: () => `{"items":[${line.repeat(250_000)}`,
    theirs: '{"version":1,"items":[]}\n',
    expect: 'merged',
  },
  {
    name: 'roadmap.json that is not JSON on one side',
    path: 'roadmap.json',
    base: '{"version":1,"items":[]}\n',
    ours: '{"version":1,"items":[\n',
    theirs: '{"version":2,"items":[]}\n',
    expect: 'merged',
  },
  {
    name: 'roadmap.json that is JSON but not an object',
    path: 'roadmap.json',
    base: '[]\n',
    ours: '[1]\n',
    theirs: '"text"\n',
    expect: 'merged',
  },
  {
    name: 'a YAML bomb in front matter on one side',
    path: 'specs/a.md',
    base: spec,
    ours: spec.replace(
      'status: draft',
      'a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
    ),
    theirs: spec.replace('status: draft', 'status: review'),
    expect: 'merged',
  },
  {
    name: 'front matter never closed',
    path: 'specs/a.md',
    base: spec,
    ours: spec.replace('---\n##', '##'),
    theirs: spec.replace('Spec SPEC-1', 'Renamed'),
    expect: 'merged',
  },
  {
    name: 'a requirement block never closed',
    path: 'specs/a.md',
    base: spec,
    ours: spec.replace(':::\n', ''),
    theirs: spec.replace('Guests can pay.', 'Theirs.'),
    expect: 'merged',
  },
  {
    name: 'conflict markers already in ours',
    path: 'specs/a.md',
    base: spec,
    ours: `${spec}<<<<<<< ours\nA\n=======\nB\n>>>>>>> theirs\n`,
    theirs: spec.replace('Guests can pay.', 'Theirs.'),
    expect: 'merged',
  },
  {
    name: 'mixed and lone CR line endings',
    path: 'specs/a.md',
    base: spec,
    ours: spec.replace(/\n/g, '\r\n').replace('Guests', 'Ours\rGuests'),
    theirs: `${spec}\nTheirs.\n`,
    expect: 'merged',
  },
  {
    name: 'a file added on both sides (empty ancestor)',
    path: 'specs/a.md',
    base: '',
    ours: spec,
    theirs: specText('SPEC-2'),
    expect: 'merged',
  },
  {
    name: 'a 5 MB single line',
    path: 'specs/a.md',
    base: spec,
    ours: `${spec}${'x'.repeat(5_000_000)}`,
    theirs: spec.replace('Guests can pay.', 'Theirs.'),
    expect: 'merged',
  },
  {
    name: 'an empty ours and a deleted-looking theirs',
    path: 'specs/a.md',
    base: spec,
    ours: '',
    theirs: `${spec}More.\n`,
    expect: 'merged',
  },
];

export function bytesOf(content: BadMerge['base']): Uint8Array {
  const value = typeof content === 'function' ? content() : content;
  return typeof value === 'string' ? Buffer.from(value) : value;
}
