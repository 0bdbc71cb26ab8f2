import { tests } from 'commonmark-spec';
import { describe, expect, it } from 'vitest';
import { splitDocument } from '../frontMatter/frontMatter.js';
import { collectLinks, createMarkdownCodec } from '../markdown/markdownCodec.js';
import { scanMarkdown } from './markdownScanner.js';
import type { NameLink } from './nameLinkGrammar.js';

declare global {
  interface ImportMeta {
    glob<T>(pattern: string, options: { query: string; import: string; eager: true }): Record<string, T>;
  }
}

const codec = createMarkdownCodec();

/** Tricky placements of Specbench syntax, beyond what the fixtures and samples hold. */
const grammarCases: Record<string, string> = {
  'code span': 'See `[[SPEC-1]]` and [[SPEC-2]].\n',
  'fenced code': '```\n[[SPEC-1]]\n:::requirement{#REQ-1}\n:::\n```\n[[SPEC-2]]\n',
  'indented code': 'Text\n\n    [[SPEC-1]]\n\n[[SPEC-2]]\n',
  'html comment': '<!-- [[SPEC-1]] -->\nText <!-- [[SPEC-2]] --> [[SPEC-3]]\n',
  'escaped and embedded': '\\[[SPEC-1]] ![[SPEC-2]] [[SPEC-3|label]] [[SPEC-4#REQ-1|x]]\n',
  callout: '> [!note]\n> See [[SPEC-1]].\n',
  'quote and list': '> [[SPEC-1]]\n\n- item [[SPEC-2]]\n  - nested [[SPEC-3#Heading text]]\n',
  'requirement in a list': '- :::requirement{#REQ-1}\n  text\n  :::\n',
  'two requirements':
    ':::requirement{#REQ-1}\nA [[SPEC-1]]\n:::\n\n:::requirement{#REQ-2 priority=must}\n\nB\n\n:::\n',
  'unclosed requirement': ':::requirement{#REQ-1}\nNo close [[SPEC-1]]\n',
  'requirement interrupting a paragraph': 'Para\n:::requirement{#REQ-3}\nBody\n:::\n',
  'front matter': '---\nkey: SPEC-9\n---\n:::requirement{#REQ-4}\n[[SPEC-1]]\n:::\n',
  CRLF: ':::requirement{#REQ-5}\r\nText [[SPEC-1]]\r\n:::\r\n',
  'html block': '<div>\n[[SPEC-1]]\n</div>\n\n[[SPEC-2]]\n',
  table: '| a | b |\n|---|---|\n| [[SPEC-1]] | [[SPEC-2\\|two]] |\n\n[[SPEC-4\\|four]]\n',
  'table with a bare bar': '| a | b |\n|---|---|\n| [[SPEC-3|split]] | x |\n',
  'links by name': 'See [[Note]], [[folder/Note#Heading|label]], [[#Local]] and [[Note#^block]].\n',
  'embeds and citations': '![[image.png|300]] ![[Note#Part]] [[1]](https://example.com) `[[Code]]`\n',
  'name links in a table': '| a | b |\n|---|---|\n| [[Note\\|label]] | ![[x.png\\|40]] |\n',
  'name links in a callout and list':
    '> [!tip] See [[Tips]]\n> Body [[Other]]\n\n- [[Item]]\n  - ![[Nested]]\n',
  'name links in html': '<div>\n[[Inside]] <span title="[[Not]]">x</span>\n</div>\n',
};

/**
 * Where the line scanner still differs from the codec (which is right): constructs spanning lines
 * that a line scanner cannot see — code spans (121, 335–337) and HTML tags (153, 154, 615, 642, 643)
 * over several lines, indented code inside a quote (236), link destinations that are not links
 * (493, 497; and 495, 498, 500, 502, 503 once a destination holds `[[Some note|a]]`). None is usual in a spec; each would need the scanner to parse inline Markdown.
 * And one on purpose: GFM splits `[[SPEC-3|split]]` in a table row into two cells, but the scanner
 * still reports the mention so the index and rekey never lose it (`[[SPEC-3\|split]]` is the right form).
 */
const knownScannerDivergences = new Set([
  'table with a bare bar',
  ...[121, 153, 154, 236, 335, 336, 337, 493, 495, 497, 498, 500, 502, 503, 615, 642, 643].map(
    (number) => `example ${number}`,
  ),
]);

const fixtureFiles = import.meta.glob<string>('../markdown/fixtures/*/case.md', {
  query: '?raw',
  import: 'default',
  eager: true,
});
// The sample workspace, whenever it is there.
const sampleFiles = import.meta.glob<string>('../../samples/**/*.md', {
  query: '?raw',
  import: 'default',
  eager: true,
});

const corpora: [string, [string, string][]][] = [
  ['grammar cases', Object.entries(grammarCases)],
  ['fixtures', Object.entries(fixtureFiles)],
  ['samples', Object.entries(sampleFiles)],
  ['CommonMark examples', tests.map((example) => [`example ${example.number}`, example.markdown])],
  [
    'CommonMark examples with references',
    tests.map((example) => [`example ${example.number}`, example.markdown.replace(/\bfoo\b/g, '[[SPEC-1]]')]),
  ],
  [
    'CommonMark examples with links by name',
    tests.map((example) => [
      `example ${example.number}`,
      example.markdown.replace(/\bfoo\b/g, '[[Some note|a]]'),
    ]),
  ],
];

function scannerLinks(text: string) {
  const split = splitDocument(text);
  const scanned = scanMarkdown(split.body);
  const offset = split.bodyLine - 1;
  return {
    requirements: scanned.requirements.map((requirement) => ({
      key: requirement.attributes.key,
      line: requirement.line + offset,
    })),
    references: scanned.references.map(({ column: _column, line, ...reference }) => ({
      ...reference,
      line: line + offset,
    })),
    nameLinks: scanned.nameLinks
      .filter((link) => link.form === 'wiki')
      .map((link) => nameLinkFields({ ...link, line: link.line + offset })),
  };
}

/** The fields compared, in one order. */
function nameLinkFields(link: NameLink & { line: number }) {
  return [link.target, link.anchor, link.label, link.embed === true, link.line];
}

function codecLinks(text: string) {
  const collected = collectLinks(codec.parse(text));
  return { ...collected, nameLinks: collected.nameLinks.map(nameLinkFields) };
}

describe('grammar conformance: the codec and the scanner find the same links, by key and by name', () => {
  it.each(corpora)('%s', (corpus, documents) => {
    const differences = documents
      .map(([name, text]) => ({ name, codec: codecLinks(text), scanner: scannerLinks(text) }))
      .filter((result) => JSON.stringify(result.codec) !== JSON.stringify(result.scanner))
      .filter((result) => !(corpus !== 'CommonMark examples' && knownScannerDivergences.has(result.name)));
    expect(differences).toEqual([]);
  });

  it('sees links in the grammar cases', () => {
    const found = Object.values(grammarCases).map((text) => collectLinks(codec.parse(text)));
    expect([
      found.reduce((sum, links) => sum + links.references.length, 0) > 10,
      found.reduce((sum, links) => sum + links.requirements.length, 0) >= 5,
      found.reduce((sum, links) => sum + links.nameLinks.length, 0) >= 12,
    ]).toEqual([true, true, true]);
  });
});
