import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { splitDocument } from '../shared/frontMatter/frontMatter.js';
import { referencedKeys } from '../shared/grammar/linkGrammar.js';
import { scanMarkdown } from '../shared/grammar/markdownScanner.js';
import { roadmapFileSchema } from '../shared/model/roadmapModel.js';
import { settingsSchema } from '../shared/model/settingsModel.js';
import { generateWorkspace, type GeneratedWorkspace } from './generateWorkspace.js';

const small = { specs: 12, requirementsPerSpec: 5, stories: 40, faqs: 6, roadmapItems: 9 };

function readAll(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      files[path.relative(root, path.join(entry.parentPath, entry.name))] = readFileSync(
        path.join(entry.parentPath, entry.name),
        'utf8',
      );
  }
  return files;
}

async function generate(
  seed: number,
): Promise<{ root: string; result: GeneratedWorkspace; files: Record<string, string> }> {
  const root = mkdtempSync(path.join(tmpdir(), 'specbench-generate-'));
  const result = await generateWorkspace(root, { ...small, seed });
  return { root, result, files: readAll(root) };
}

let first: Awaited<ReturnType<typeof generate>>;
let again: Awaited<ReturnType<typeof generate>>;
let other: Awaited<ReturnType<typeof generate>>;

beforeAll(async () => {
  [first, again, other] = await Promise.all([generate(7), generate(7), generate(8)]);
});

function indexOf(files: Record<string, string>) {
  const documents = Object.entries(files)
    .filter(([file]) => file.endsWith('.md'))
    .map(([file, text]) => {
      const split = splitDocument(text);
      return { file, fields: split.frontMatter?.data ?? {}, scan: scanMarkdown(split.body) };
    });
  const roadmap = roadmapFileSchema.parse(JSON.parse(files['roadmap.json']!));
  const requirements = documents.flatMap((document) =>
    document.scan.requirements.map((requirement) => requirement.attributes),
  );
  const keys = [
    ...documents.map((document) => String(document.fields.key)),
    ...requirements.map((requirement) => requirement.key),
    ...roadmap.items.map((item) => item.key),
  ];
  return { documents, roadmap, requirements, keys, known: new Set(keys) };
}

describe('generateWorkspace', () => {
  const cases: [string, () => unknown, unknown][] = [
    [
      'the same seed gives the same bytes (files that differ)',
      () =>
        Object.keys({ ...first.files, ...again.files }).filter(
          (file) => first.files[file] !== again.files[file],
        ),
      [],
    ],
    [
      'another seed gives other text',
      () => first.files['roadmap.json'] === other.files['roadmap.json'],
      false,
    ],
    [
      'counts of documents, requirements and roadmap items',
      () => {
        const index = indexOf(first.files);
        return [
          index.documents.length,
          index.requirements.length,
          index.roadmap.items.length,
          first.result.documents,
        ];
      },
      [58, 60, 9, 58],
    ],
    [
      'the returned paths are exactly the Markdown files',
      () =>
        [...first.result.paths].sort().join() ===
        Object.keys(first.files)
          .filter((file) => file.endsWith('.md'))
          .sort()
          .join(),
      true,
    ],
    [
      'the returned byte count is the bytes written',
      () =>
        first.result.bytes -
        Object.values(first.files).reduce((sum, text) => sum + Buffer.byteLength(text), 0),
      0,
    ],
    [
      'every key is unique',
      () => {
        const index = indexOf(first.files);
        return index.known.size;
      },
      58 + 60 + 9,
    ],
    [
      'references that resolve to nothing',
      () => {
        const index = indexOf(first.files);
        return index.documents
          .flatMap((document) => document.scan.references.flatMap(referencedKeys))
          .filter((key) => !index.known.has(key));
      },
      [],
    ],
    [
      'roadmap, implements and answers targets that do not exist',
      () => {
        const index = indexOf(first.files);
        return [
          ...index.requirements.flatMap((requirement) => requirement.roadmap),
          ...index.documents.flatMap((document) => [
            ...((document.fields.implements as string[] | undefined) ?? []),
            ...((document.fields.answers as string[] | undefined) ?? []),
          ]),
        ].filter((key) => !index.known.has(key));
      },
      [],
    ],
    [
      'must requirements that no story implements',
      () => {
        const index = indexOf(first.files);
        const implemented = new Set(
          index.documents.flatMap((document) => (document.fields.implements as string[] | undefined) ?? []),
        );
        return index.requirements.filter(
          (requirement) => requirement.priority === 'must' && !implemented.has(requirement.key),
        ).length;
      },
      0,
    ],
    [
      'specbench.json is valid',
      () => settingsSchema.safeParse(JSON.parse(first.files['specbench.json']!)).success,
      true,
    ],
  ];
  it.each(cases)('%s', (_name, actual, expected) => {
    expect(actual()).toEqual(expected);
  });
});
