/**
 * Every kind of bad input SAFETY.md names, as a table: each case is a small workspace (the base
 * below plus the case's files), built in a temp folder by `buildCaseWorkspace`.
 */

/** File contents: text, bytes, or a generator for what is too large to keep in the repository. */
export type CaseContent = string | Uint8Array | (() => string | Uint8Array);

/** Something another program does to the workspace while Specbench has it open. */
export type OutsideChange =
  { kind: 'delete'; path: string } | { kind: 'write'; path: string; content: CaseContent };

export interface BadInputCase {
  name: string;
  /** Files written into the workspace, over the base files of the same path. */
  files?: Record<string, CaseContent>;
  /** Base files left out. */
  omit?: readonly string[];
  /** Files in a folder beside the workspace (`../outside/<name>` from the root): symlink targets. */
  outside?: Record<string, CaseContent>;
  /** Symbolic links in the workspace: path → target, as written into the link. */
  links?: Record<string, string>;
  /** Done after the workspace is opened (engine and server runs only). */
  whileOpen?: readonly OutsideChange[];
}

export const unrelatedPath = 'notes/unrelated.md';

const settings = JSON.stringify(
  {
    name: 'Bad input',
    prefixes: { spec: 'SPEC', story: 'STORY', faq: 'FAQ', requirement: 'REQ', roadmap: 'RM' },
    rules: {},
  },
  null,
  2,
);

const roadmapItem = (key: string, title: string) => ({
  key,
  title,
  description: 'Pay without an account.',
  lane: 'now',
  rank: 0,
  status: 'planned',
  rice: { reach: 100, impact: 1, confidence: 80, effort: 1 },
});

const release = (key: string, items: unknown = ['RM-1']) => ({
  key,
  name: 'Autumn',
  date: '2026-10-01',
  status: 'released',
  items,
});

const roadmap = JSON.stringify(
  { version: 1, items: [roadmapItem('RM-1', 'Guest checkout')], releases: [release('REL-1')] },
  null,
  2,
);

/** A spec with one requirement delivering RM-1; `body` replaces the text after its front matter. */
export function specText(key: string, body = 'See [[STORY-1]].\n'): string {
  return (
    `---\nkey: ${key}\ntype: spec\ntitle: Spec ${key}\nstatus: draft\n---\n## Requirements\n\n` +
    `:::requirement{#REQ-${key.slice(5)}0 priority=must status=approved roadmap=RM-1}\n` +
    `Guests can pay.\n:::\n\n${body}`
  );
}

/** A healthy workspace: a spec, a story implementing its requirement, and a note the engine edits. */
export const baseFiles: Readonly<Record<string, CaseContent>> = {
  'specbench.json': settings + '\n',
  'roadmap.json': roadmap + '\n',
  'specs/checkout.md': specText('SPEC-1'),
  'stories/pay.md':
    '---\nkey: STORY-1\ntype: story\ntitle: Pay as a guest\nstatus: ready\nimplements: [REQ-10]\n---\n' +
    'As a guest, I want to pay.\n\n## Acceptance criteria\n- [ ] Given a cart, when I pay, then I see a receipt.\n',
  'feedback/quote.md':
    '---\nkey: FB-1\ntype: feedback\ntitle: Guest quote\nsource: support\ncustomer: Northwind\n' +
    'date: 2026-10-03\nabout: [RM-1, REQ-10]\n---\n> I just want to pay.\n',
  [unrelatedPath]: '# Unrelated\n\nA note nobody broke.\n',
};

const withFrontMatter = (yaml: string, body = 'Body.\n') => `---\n${yaml}\n---\n${body}`;
const repeat = (text: string, times: number) => text.repeat(times);

function billionLaughs(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let level = 1; level < 9; level++) {
    const previous = String.fromCharCode(96 + level);
    const name = String.fromCharCode(97 + level);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
  }
  return withFrontMatter(`key: SPEC-7\ntype: spec\n${lines.join('\n')}`);
}

/** `size` bytes of plausible Markdown: many lines, links and requirement-looking text. */
function largeMarkdown(size: number): string {
  const line = 'Guests pay with [[SPEC-1]] and [[RM-1]]; see :::requirement and `code` here.\n';
  return withFrontMatter(
    'key: SPEC-8\ntype: spec\ntitle: Large',
    repeat(line, Math.ceil(size / line.length)),
  );
}

const pngHeader = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52];

export const badInputCases: readonly BadInputCase[] = [
  { name: 'a healthy workspace (control)' },
  // Front matter.
  { name: 'unclosed front matter', files: { 'specs/open.md': '---\nkey: SPEC-2\ntype: spec\n\nBody.\n' } },
  { name: 'malformed YAML', files: { 'specs/bad.md': withFrontMatter('key: [SPEC-2\ntitle: "open') } },
  { name: 'YAML with a tab indent', files: { 'specs/tab.md': withFrontMatter('key: SPEC-2\n\ttitle: x') } },
  { name: 'front matter that is a list', files: { 'specs/list.md': withFrontMatter('- SPEC-2\n- spec') } },
  { name: 'front matter that is a scalar', files: { 'specs/scalar.md': withFrontMatter('just words') } },
  { name: 'empty front matter', files: { 'specs/empty.md': '---\n---\nBody.\n' } },
  {
    name: 'huge front matter (1 MB)',
    files: { 'specs/huge.md': () => withFrontMatter(`key: SPEC-2\nnote: ${repeat('x', 1024 * 1024)}`) },
  },
  {
    name: 'front matter just under the limit, 20,000 fields',
    files: {
      'specs/fields.md': () =>
        withFrontMatter(Array.from({ length: 20_000 }, (_, index) => `field${index}: ${index}`).join('\n')),
    },
  },
  { name: 'YAML bomb: billion laughs aliases', files: { 'specs/laughs.md': billionLaughs } },
  {
    name: 'YAML bomb: deeply nested flow lists',
    files: { 'specs/nested.md': () => withFrontMatter(`key: ${repeat('[', 50_000)}${repeat(']', 50_000)}`) },
  },
  {
    name: 'YAML bomb: deeply nested block mappings',
    files: {
      'specs/mappings.md': () =>
        withFrontMatter(
          Array.from({ length: 3_000 }, (_, depth) => `${repeat(' ', depth)}level${depth}:`).join('\n'),
        ),
    },
  },
  {
    name: 'YAML: many aliases of one anchor',
    files: {
      'specs/aliases.md': () =>
        withFrontMatter(`key: SPEC-2\nbase: &b [x]\nlist: [${Array(5_000).fill('*b').join(',')}]`),
    },
  },
  {
    name: '__proto__, constructor and prototype keys',
    files: {
      'specs/proto.md': withFrontMatter(
        'key: SPEC-2\ntype: spec\n__proto__: { polluted: true, key: SPEC-9 }\nconstructor: { prototype: { polluted: true } }\nprototype: x',
        '[[SPEC-2]] and [[__proto__]].\n',
      ),
      'stories/proto.md': withFrontMatter(
        'key: STORY-2\ntype: story\nstatus: __proto__\nimplements: [__proto__, constructor, toString]\nestimate: constructor',
      ),
      'faqs/proto.md': withFrontMatter(
        'key: FAQ-1\ntype: constructor\ntitle: hasOwnProperty\nanswers: __proto__',
      ),
    },
  },
  {
    name: 'collections as YAML keys (a warning the yaml package would print)',
    files: { 'specs/keys.md': withFrontMatter('key: SPEC-2\n? [a, b]\n: list\n{ c: 1 }: map') },
  },
  {
    name: 'duplicate YAML keys',
    files: { 'specs/twice.md': withFrontMatter('key: SPEC-2\ntype: spec\nkey: SPEC-3\ntitle: a\ntitle: b') },
  },
  {
    name: 'fields of the wrong types',
    files: {
      'specs/types.md': withFrontMatter('key: 42\ntype: [spec]\ntitle: { a: 1 }\nstatus: 7\nowner: [x, y]'),
      'stories/types.md': withFrontMatter(
        'key: STORY-2\ntype: story\nimplements: { REQ-10: yes }\nestimate: lots\ntitle: null\nstatus: [ready]',
      ),
      'faqs/types.md': withFrontMatter('key: ~\ntype: faq\nanswers: 12\ntitle: 2024-01-01'),
    },
  },
  {
    name: 'YAML tags and binary scalars',
    files: {
      'specs/tags.md': withFrontMatter(
        'key: !!js/function "function(){ return 1 }"\ntype: !custom spec\ndata: !!binary aGVsbG8=\nwhen: !!timestamp 2001-12-14',
      ),
    },
  },
  // File contents.
  {
    name: 'a binary file named .md',
    files: { 'specs/image.md': new Uint8Array([...pngHeader, 0, 1, 2, 255]) },
  },
  {
    name: 'invalid UTF-8',
    files: { 'specs/latin1.md': new Uint8Array([...Buffer.from('---\nkey: SPEC-2\n---\nCaf'), 0xe9, 0x0a]) },
  },
  {
    name: 'UTF-16 with a byte-order mark',
    files: { 'specs/utf16.md': new Uint8Array([0xff, 0xfe, ...Buffer.from('# Hi\n', 'utf16le')]) },
  },
  { name: 'an empty file', files: { 'specs/empty.md': '' } },
  { name: 'a 50 MB file', files: { 'specs/fifty.md': () => largeMarkdown(50 * 1024 * 1024) } },
  {
    name: 'a 9 MB file, just under the size limit',
    files: { 'specs/nine.md': () => largeMarkdown(9 * 1024 * 1024) },
  },
  {
    name: 'a 256 KB line of unclosed link brackets',
    files: { 'specs/brackets.md': () => withFrontMatter('key: SPEC-2', repeat('[[', 128 * 1024) + '\n') },
  },
  {
    name: 'a 700 KB paragraph of 100,000 links',
    files: { 'specs/links.md': () => withFrontMatter('key: SPEC-2', repeat('[a](b) ', 100_000) + '\n') },
  },
  {
    name: 'pathological Markdown nesting',
    files: {
      'specs/nesting.md': () =>
        withFrontMatter(
          'key: SPEC-2',
          `${repeat('> ', 5_000)}quote\n\n${repeat('- ', 5_000)}item\n\n${repeat('*a ', 20_000)}\n${repeat('```\n', 2_001)}`,
        ),
    },
  },
  // Paths.
  {
    name: 'a symlink to a file outside the workspace',
    outside: { 'secret.md': withFrontMatter('key: SPEC-5\ntype: spec\ntitle: Secret') },
    links: { 'specs/escape.md': '../../outside/secret.md' },
  },
  {
    name: 'a symlink to a folder outside the workspace',
    outside: { 'secret.md': withFrontMatter('key: SPEC-5\ntype: spec\ntitle: Secret') },
    links: { 'specs/elsewhere': '../../outside' },
  },
  { name: 'a symlink loop', links: { 'specs/loop-a.md': 'loop-b.md', 'specs/loop-b.md': 'loop-a.md' } },
  { name: 'a folder symlink to its own parent', links: { 'specs/again': '..' } },
  { name: 'a dangling symlink', links: { 'specs/gone.md': 'nothing-here.md' } },
  {
    name: 'names with ..',
    files: {
      'specs/..md': withFrontMatter('key: SPEC-2\ntype: spec'),
      'specs/a..b.md': withFrontMatter('key: SPEC-3\ntype: spec'),
      '..notes/..md': 'text\n',
    },
  },
  {
    name: 'reserved Windows names and trailing dots or spaces',
    files: {
      'specs/CON.md': withFrontMatter('key: SPEC-2\ntype: spec'),
      'nul.md': 'text\n',
      'specs/aux.notes.md': 'text\n',
      'specs/trailing..md': 'text\n',
      'specs/space .md': 'text\n',
      'specs/dots.md.': 'not Markdown to us\n',
      'notes./inside.md': 'text\n',
      'notes /inside.md': 'text\n',
    },
  },
  {
    name: 'names with control characters, quotes and odd Unicode',
    files: {
      'specs/new\nline.md': 'text\n',
      'specs/tab\there.md': 'text\n',
      'specs/"quoted" <b>.md': 'text\n',
      'specs/cafe\u0301.md': 'text\n',
      'specs/caf\u00e9.md': 'text\n',
      'specs/\u202eevil.md': 'text\n',
      [`specs/${repeat('long', 60)}.md`]: 'text\n',
    },
  },
  // Keys and links.
  {
    name: 'duplicate document and requirement keys',
    files: { 'specs/copy.md': specText('SPEC-1'), 'specs/copy-2.md': specText('SPEC-1') },
  },
  {
    name: 'links to themselves',
    files: {
      'specs/self.md': specText('SPEC-2', 'See [[SPEC-2]], [[SPEC-2#REQ-20]] and [[REQ-20]].\n'),
      'stories/self.md': withFrontMatter('key: STORY-2\ntype: story\nimplements: [STORY-2]', '[[STORY-2]]\n'),
    },
  },
  {
    name: 'links in cycles',
    files: {
      'specs/a.md': specText('SPEC-2', 'See [[SPEC-3]].\n'),
      'specs/b.md': specText('SPEC-3', 'See [[SPEC-4]].\n'),
      'specs/c.md': specText('SPEC-4', 'See [[SPEC-2]].\n'),
      'faqs/cycle.md': withFrontMatter('key: FAQ-1\ntype: faq\nanswers: FAQ-1', '[[FAQ-1]]\n'),
    },
  },
  {
    name: 'odd link targets',
    files: {
      'specs/links.md': specText(
        'SPEC-2',
        '[[]] [[|]] [[SPEC-2|]] [[|x]] [[SPEC-99999999999999999999999]] [[spec-1]] [[SPEC-1#]] ' +
          '[[SPEC-1#REQ-999]] [[ SPEC-1 ]] [[SPEC-1|[[SPEC-1]]]] [[RM-1]] [[../../etc/passwd]] [[__proto__]]\n',
      ),
    },
  },
  {
    name: 'malformed requirement blocks',
    files: {
      'specs/requirements.md': withFrontMatter(
        'key: SPEC-2\ntype: spec',
        ':::requirement{#REQ-1 priority=must}\nA duplicate of REQ-1.\n:::\n\n' +
          ':::requirement{#REQ-0 priority=sometimes status="open roadmap=RM-1}\nOdd attributes.\n:::\n\n' +
          ':::requirement{#__proto__ roadmap=constructor}\nProto.\n:::\n\n' +
          ':::requirement{priority=must}\nNo key.\n:::\n\n:::requirement{#REQ-30\nUnclosed.\n',
      ),
    },
  },
  // roadmap.json and specbench.json.
  { name: 'a truncated roadmap.json', files: { 'roadmap.json': roadmap.slice(0, 60) } },
  {
    name: 'a roadmap.json of the wrong types',
    files: {
      'roadmap.json': JSON.stringify({
        version: '1',
        items: [{ key: 7, title: null, lane: 'sideways', rank: 'first', rice: { reach: 'many' } }],
      }),
    },
  },
  { name: 'a roadmap.json that is an array', files: { 'roadmap.json': '[1, 2, 3]\n' } },
  { name: 'an empty roadmap.json', files: { 'roadmap.json': '' } },
  { name: 'a binary roadmap.json', files: { 'roadmap.json': new Uint8Array([0, 159, 146, 150, 255]) } },
  {
    name: 'a roadmap.json with __proto__ keys',
    files: {
      'roadmap.json': `{"version":1,"__proto__":{"polluted":true},"items":[{"__proto__":{"x":1},${JSON.stringify(roadmapItem('RM-1', 'Guest')).slice(1)}]}`,
    },
  },
  {
    name: 'a roadmap.json with duplicate item keys',
    files: {
      'roadmap.json': JSON.stringify({
        version: 1,
        items: [roadmapItem('RM-1', 'One'), roadmapItem('RM-1', 'Two')],
      }),
    },
  },
  {
    name: 'a roadmap.json nested 100,000 deep',
    files: { 'roadmap.json': () => `{"version":1,"items":${repeat('[', 100_000)}${repeat(']', 100_000)}}` },
  },
  {
    name: 'a huge roadmap.json (20,000 items)',
    files: {
      'roadmap.json': () =>
        JSON.stringify({
          version: 1,
          items: Array.from({ length: 20_000 }, (_, index) => ({
            ...roadmapItem(`RM-${index + 1}`, `Item ${index}`),
            rank: index,
          })),
        }),
    },
  },
  {
    name: 'a 30 MB string in roadmap.json',
    files: { 'roadmap.json': () => `{"version":1,"items":[],"note":"${repeat('x', 30 * 1024 * 1024)}"}` },
  },
  { name: 'a corrupt specbench.json', files: { 'specbench.json': '{ "name": "Bad", ' } },
  {
    name: 'a specbench.json of the wrong types',
    files: {
      'specbench.json': '{"name":["x"],"prefixes":"SPEC","rules":{"__proto__":{"broken-link":"off"}}}',
    },
  },
  { name: 'no specbench.json and no roadmap.json', omit: ['specbench.json', 'roadmap.json'] },
  // Feedback notes.
  {
    name: 'feedback notes with fields of the wrong types',
    files: {
      'feedback/types.md': withFrontMatter(
        'key: FB-2\ntype: feedback\nabout: { RM-1: yes }\ncustomer: [a, b]\nsource: 7\ndate: [2026]\nurl: javascript:alert(1)',
      ),
      'feedback/proto.md': withFrontMatter(
        'key: FB-3\ntype: feedback\nabout: [__proto__, constructor, RM-1]\nimportHash: {}',
      ),
      'feedback/nothing.md': withFrontMatter('key: FB-4\ntype: feedback\nabout: RM-99', ''),
    },
  },
  {
    name: 'a feedback note about 10,000 keys, with a 1 MB quote',
    files: {
      'feedback/huge.md': () =>
        withFrontMatter(
          `key: FB-2\ntype: feedback\nabout: [${Array.from({ length: 10_000 }, (_, index) => `RM-${index}`).join(', ')}]`,
          `${repeat('word ', 200_000)}\n`,
        ),
    },
  },
  {
    name: 'duplicate FB keys and a note that is its own evidence',
    files: {
      'feedback/copy.md': withFrontMatter('key: FB-1\ntype: feedback\nabout: [FB-1]', 'Again.\n'),
      'notes/about.md': withFrontMatter('key: DOC-1\nabout: [RM-1]', 'Not a feedback note.\n'),
    },
  },
  // Releases, metrics and criteria.
  {
    name: 'releases of the wrong types',
    files: {
      'roadmap.json': JSON.stringify({
        version: 1,
        items: [roadmapItem('RM-1', 'Guest')],
        releases: [{ key: 'REL-1', name: ['x'], status: 'shipped', items: 'RM-1', date: '1 Oct' }],
      }),
    },
  },
  {
    name: 'releases that is not a list',
    files: { 'roadmap.json': '{"version":1,"items":[],"releases":{"REL-1":1}}' },
  },
  {
    name: 'releases with duplicate keys, unknown items and __proto__',
    files: {
      'roadmap.json':
        JSON.stringify({
          version: 1,
          items: [roadmapItem('RM-1', 'Guest')],
          releases: [release('REL-1', ['RM-1', 'RM-1', 'RM-404']), release('REL-1')],
        }).slice(0, -2) + `,{"__proto__":{"polluted":true},${JSON.stringify(release('REL-2')).slice(1)}]}`,
    },
  },
  {
    name: 'a release of 10,000 items',
    files: {
      'roadmap.json': () =>
        JSON.stringify({
          version: 1,
          items: [roadmapItem('RM-1', 'Guest')],
          releases: [
            release(
              'REL-1',
              Array.from({ length: 10_000 }, (_, index) => `RM-${index + 1}`),
            ),
          ],
        }),
    },
  },
  {
    name: 'odd success metrics and acceptance criteria',
    files: {
      'specs/metrics.md': withFrontMatter(
        'key: SPEC-2\ntype: spec',
        '## Requirements\n\n:::requirement{#REQ-20 roadmap=RM-1}\nR.\n:::\n\n## Success metrics\n\n' +
          '| Metric | Target | Actual |\n|---|---|---|\n| a \\| b | | |\n| `x|y` | 1e999 | -0 |\n|||||||\n' +
          `| ${repeat('9', 5_000)} | ${repeat('1m ', 2_000)} | NaN |\n`,
      ),
      'stories/criteria.md': withFrontMatter(
        'key: STORY-2\ntype: story\nimplements: [REQ-10]',
        `## Acceptance criteria\n\n- [ ] ${repeat('Given "a, when ', 2_000)}\n- [x]\n- ${repeat('when then ', 5_000)}\n1) Given , when , then\n`,
      ),
    },
  },
  // Outside changes while open.
  { name: 'a file deleted while open', whileOpen: [{ kind: 'delete', path: 'specs/checkout.md' }] },
  {
    name: 'a file changed while open, same length',
    whileOpen: [
      { kind: 'write', path: 'specs/checkout.md', content: specText('SPEC-1').replace('Guests', 'GUESTS') },
    ],
  },
  {
    name: 'a file replaced by binary while open',
    whileOpen: [{ kind: 'write', path: 'stories/pay.md', content: new Uint8Array([0, 1, 2, 3, 0]) }],
  },
  {
    name: 'roadmap.json corrupted while open',
    whileOpen: [{ kind: 'write', path: 'roadmap.json', content: '{"version":1,"items":[' }],
  },
];
