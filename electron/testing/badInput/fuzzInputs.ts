/** What the fuzz tests and the benchmark generate: front matter, link targets, file names and roadmap.json text. */
import fc from 'fast-check';
import { baseFiles, specText, type BadInputCase } from './badInputCorpus.js';

const yamlPiece = fc.oneof(
  fc.constantFrom(
    'key: SPEC-2',
    'type: spec',
    'title: ',
    'implements: [',
    'type: feedback',
    'about: [',
    ']',
    '{',
    '}',
    '- ',
    '&a ',
    '*a',
    '!!str ',
  ),
  fc.constantFrom(
    '__proto__: ',
    'constructor: ',
    '"',
    "'",
    '#',
    ': ',
    '? ',
    '|',
    '>',
    '\t',
    '  ',
    '\n',
    '---',
    '...',
  ),
  fc.constantFrom(
    '<<: *a',
    'null',
    '~',
    '2024-01-01',
    '0x1F',
    '.inf',
    '!!binary aGk=',
    '%YAML 1.2',
    '\r\n',
    '\u0000',
  ),
  fc.string({ maxLength: 6 }),
);
export const yamlText = fc.array(yamlPiece, { maxLength: 40 }).map((pieces) => pieces.join(''));
const linkTarget = fc.oneof(
  fc.constantFrom(
    'SPEC-1',
    'SPEC-1#REQ-10',
    'SPEC-1|label',
    'REQ-10',
    'RM-1',
    '',
    '|',
    '#',
    '__proto__',
    '[[',
    ']]',
  ),
  fc.string({ maxLength: 12 }),
);
const markdownLine = fc.oneof(
  linkTarget.map((target) => `See [[${target}]].`),
  fc.constantFrom(
    ':::requirement{#REQ-99 priority=must roadmap=RM-1}',
    ':::',
    '```',
    '## Acceptance criteria',
    '- [ ] x',
    '- [ ] Given a, when b, then c',
    '## Success metrics',
    '| Metric | Target | Actual |',
    '|---|---|---|',
    '| a | 1 | |',
  ),
  fc.string({ maxLength: 30 }),
);
export const markdownBody = fc.array(markdownLine, { maxLength: 20 }).map((lines) => lines.join('\n'));

const fileName = fc
  .string({ minLength: 1, maxLength: 10 })
  .filter((name) => !/[/\0]/.test(name) && name !== '.' && name !== '..');
const roadmapText = fc.oneof(
  fc.constant(String(baseFiles['roadmap.json'])),
  fc.json({ maxDepth: 3 }),
  fc.string({ maxLength: 20 }),
);

const folder = fc.constantFrom('specs', 'stories', 'feedback');

/** A workspace of up to four fuzzed specs, stories or feedback notes (names, front matter, bodies) and a fuzzed roadmap.json. */
export const fuzzWorkspace: fc.Arbitrary<BadInputCase> = fc
  .tuple(fc.array(fc.tuple(folder, fileName, yamlText, markdownBody), { maxLength: 4 }), roadmapText)
  .map(([documents, roadmap]) => {
    const files: Record<string, string> = { 'roadmap.json': roadmap, 'specs/base.md': specText('SPEC-3') };
    for (const [where, name, yaml, body] of documents)
      files[`${where}/${name}.md`] = `---\n${yaml}\n---\n${body}\n`;
    return { name: 'fuzz', files };
  });
