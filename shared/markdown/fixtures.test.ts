import { type JSONContent } from '@tiptap/core';
import { Node } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { createMarkdownCodec } from './markdownCodec.js';

declare global {
  interface ImportMeta {
    glob<T>(pattern: string, options: { query: string; import: string; eager: true }): Record<string, T>;
  }
}

// Vite reads these as raw text (CR, BOM and all); shared/ imports no node:fs.
const files = import.meta.glob<string>('./fixtures/*/case.md', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const fixtures = Object.entries(files).map(([path, text]) => ({ name: path.split('/')[2]!, path, text }));
const codec = createMarkdownCodec();

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

describe('Markdown fixtures', () => {
  it('are found, with their bytes intact', () => {
    const byName = new Map(fixtures.map((fixture) => [fixture.name, fixture.text]));
    expect([
      fixtures.length >= 30,
      byName.get('bom')?.startsWith('\uFEFF'),
      byName.get('crlf-line-endings')?.includes('\r\n'),
    ]).toEqual([true, true, true]);
  });

  it.each(fixtures)('$name: parses to the recorded JSON', async ({ path, text }) => {
    const json = `${JSON.stringify(codec.parse(text).doc, null, 2)}\n`;
    await expect(json).toMatchFileSnapshot(path.replace(/case\.md$/, 'case.json'));
  });

  it.each(fixtures)('$name: JSON is valid for the schema', ({ text }) => {
    expect(Node.fromJSON(codec.schema, codec.parse(text).doc).check()).toBeUndefined();
  });

  it.each(fixtures)('$name: JSON → Markdown gives the same bytes', ({ text }) => {
    const parsed = codec.parse(text);
    expect([codec.serialize(parsed), codec.serialize(parsed, clone(parsed.doc))]).toEqual([text, text]);
  });

  it.each(fixtures)('$name: editing one block changes only its lines', ({ text }) => {
    expect(editProblems(text)).toEqual([]);
  });
});

type Edit = (block: JSONContent) => void;

const firstText = (node: JSONContent): JSONContent =>
  node.type === 'text'
    ? node
    : firstText((node.content ?? []).find((child) => JSON.stringify(child).includes('"text"'))!);

describe('Markdown fixtures edited one block at a time', () => {
  it.each<[string, number, string, Edit]>([
    ['tables', 0, 'a cell', (table) => (firstText(table.content![1]!.content![0]!).text = 'renamed')],
    [
      'task-list',
      0,
      'a checkbox',
      (list) => (list.content![0]!.attrs = { ...list.content![0]!.attrs, checked: true }),
    ],
    [
      'requirement-blank-lines',
      1,
      'a priority',
      (requirement) => (requirement.attrs = { ...requirement.attrs, priority: 'should' }),
    ],
    [
      'requirement-fenced-colons',
      0,
      'text inside',
      (requirement) => (firstText(requirement).text = 'Changed inside.'),
    ],
    ['star-plus-bullets', 0, 'a deleted item', (list) => list.content!.splice(1, 1)],
    ['loose-lists', 1, 'a deleted item', (list) => list.content!.splice(1, 1)],
    [
      'loose-lists',
      2,
      'a new item',
      (list) =>
        list.content!.push({
          type: 'listItem',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Third' }] }],
        }),
    ],
    [
      'references-in-bold',
      0,
      'a reference target',
      (paragraph) => (paragraph.content![0]!.attrs = { ...paragraph.content![0]!.attrs, target: 'SPEC-9' }),
    ],
    ['crlf-line-endings', 0, 'a heading', (heading) => (firstText(heading).text = 'New title')],
    [
      'images',
      0,
      'an image alt',
      (paragraph) => (paragraph.content![1]!.attrs = { ...paragraph.content![1]!.attrs, alt: 'New alt' }),
    ],
    [
      'code-containing-fences',
      2,
      'code with a fence',
      (code) => (firstText(code).text = '````\nstill code\n````'),
    ],
    [
      'wikilinks',
      0,
      'new bold text',
      (paragraph) => paragraph.content!.unshift({ type: 'text', text: 'Bold', marks: [{ type: 'bold' }] }),
    ],

    ['setext-headings', 1, 'a setext heading', (heading) => (firstText(heading).text = 'Renamed section')],
    ['html-details', 1, 'text in its body', (details) => (firstText(details.content![1]!).text = 'Changed.')],
    ['html-details', 1, 'a deleted list', (details) => details.content!.splice(2, 1)],
    [
      'html-details',
      3,
      'text in a nested one',
      (details) => (firstText(details.content![2]!.content![1]!).text = 'Inner changed.'),
    ],
    [
      'html-details',
      5,
      'a body typed into an empty one',
      (details) => details.content!.push({ type: 'paragraph', content: [{ type: 'text', text: 'Filled.' }] }),
    ],
    [
      'html-details',
      4,
      'a summary given',
      (details) =>
        (details.content![0] = { type: 'detailsSummary', content: [{ type: 'text', text: 'Added' }] }),
    ],
  ])('%s: block %i, %s', (name, index, _what, change) => {
    const text = fixtures.find((fixture) => fixture.name === name)!.text;
    expect(editProblems(text, index, change)).toEqual([]);
  });
});

/** For each modelled top-level block: append a word, save, and report text changed outside it or a wrong reparse. */
function editProblems(text: string, only?: number, change?: Edit): string[] {
  const parsed = codec.parse(text);
  const problems: string[] = [];
  parsed.source.blocks.blocks.forEach((block, index) => {
    if (only !== undefined && index !== only) return;
    const doc = clone(parsed.doc);
    if (change) change(doc.content![index]!);
    else if (!appendWord(doc.content![index]!)) return;
    if (JSON.stringify(doc.content![index]) === JSON.stringify(parsed.doc.content![index])) {
      problems.push(`block ${index}: the edit changed nothing`);
    }
    const output = codec.serialize(parsed, doc);
    const bodyStart = text.length - parsed.source.body.length;
    const before =
      text.slice(0, bodyStart) + parsed.source.body.slice(0, originalOffset(parsed, block.start));
    const after = parsed.source.body.slice(originalOffset(parsed, block.end));
    if (!output.startsWith(before) || !output.endsWith(after))
      problems.push(`block ${index}: text outside changed`);
    const reparsed = codec.parse(output).doc.content![index];
    const expected = Node.fromJSON(codec.schema, doc.content![index]).toJSON() as JSONContent;
    if (JSON.stringify(reparsed) !== JSON.stringify(expected))
      problems.push(`block ${index}: reparse differs`);
  });
  return problems;
}

function originalOffset(parsed: ReturnType<typeof codec.parse>, position: number): number {
  const offsets = parsed.source.offsets;
  return !offsets || position === 0 ? position : offsets[position - 1]! + 1;
}

function appendWord(node: JSONContent): boolean {
  if (node.type === 'text' && !(node.marks ?? []).some((mark) => mark.type === 'code')) {
    node.text = (node.text ?? '').replace(/\s*$/, (space) => ` edited${space}`);
    return true;
  }
  return (node.content ?? []).some((child) => appendWord(child));
}

// The sample workspace, whenever it is there: `specbench doctor` must find every file safe.
const samples = Object.entries(
  import.meta.glob<string>('../../samples/**/*.md', { query: '?raw', import: 'default', eager: true }),
);

describe('sample workspace documents', () => {
  it('come back byte for byte', () => {
    const changed = samples.filter(([, text]) => {
      const parsed = codec.parse(text);
      return codec.serialize(parsed) !== text || codec.serialize(parsed, clone(parsed.doc)) !== text;
    });
    expect(changed.map(([path]) => path)).toEqual([]);
  });

  it('keep edits inside the edited block', () => {
    expect(
      samples.flatMap(([path, text]) => editProblems(text).map((problem) => `${path} ${problem}`)),
    ).toEqual([]);
  });
});
