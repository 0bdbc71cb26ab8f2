import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { splitDocument } from '../../shared/frontMatter/frontMatter.js';
import { referencedKeys } from '../../shared/grammar/linkGrammar.js';
import { scanMarkdown } from '../../shared/grammar/markdownScanner.js';
import { roadmapFileSchema } from '../../shared/model/roadmapModel.js';
import { settingsSchema } from '../../shared/model/settingsModel.js';

// Checked here without the engine, so the sample stays valid for everyone who tests against it.
const root = fileURLToPath(new URL('../../samples/acme-checkout/', import.meta.url));

interface SampleDocument {
  path: string;
  fields: Record<string, unknown>;
  scan: ReturnType<typeof scanMarkdown>;
  body: string;
}

function readSample(): SampleDocument[] {
  const documents: SampleDocument[] = [];
  for (const folder of ['specs', 'stories', 'faqs', 'feedback', '.']) {
    for (const name of readdirSync(join(root, folder))) {
      if (!name.endsWith('.md')) continue;
      const split = splitDocument(readFileSync(join(root, folder, name), 'utf8'));
      documents.push({
        path: join(folder, name),
        fields: split.frontMatter?.data ?? {},
        scan: scanMarkdown(split.body),
        body: split.body,
      });
    }
  }
  return documents;
}

const documents = readSample();
const roadmap = roadmapFileSchema.parse(JSON.parse(readFileSync(join(root, 'roadmap.json'), 'utf8')));
const settings = settingsSchema.parse(JSON.parse(readFileSync(join(root, 'specbench.json'), 'utf8')));
const requirements = documents.flatMap((document) => document.scan.requirements);
const documentKeys = documents.map((document) => document.fields.key).filter((key) => key !== undefined);
const requirementKeys = requirements.map((requirement) => requirement.attributes.key);
const roadmapKeys = roadmap.items.map((item) => item.key);
const releaseKeys = roadmap.releases.map((release) => release.key);
const allKeys = new Set([...documentKeys, ...requirementKeys, ...roadmapKeys, ...releaseKeys] as string[]);
const feedback = documents.filter((document) => document.fields.type === 'feedback');
const stories = documents.filter((document) => document.fields.type === 'story');
const implemented = new Set(stories.flatMap((story) => story.fields.implements as string[]));

function lanesOf(lane: string): number {
  return roadmap.items.filter((item) => item.lane === lane).length;
}

describe('the Acme Checkout sample workspace', () => {
  const cases: [string, () => unknown, unknown][] = [
    ['its name', () => settings.name, 'Acme Checkout'],
    [
      'document counts (specs, stories, faqs)',
      () =>
        ['spec', 'story', 'faq'].map(
          (type) => documents.filter((document) => document.fields.type === type).length,
        ),
      [4, 10, 2],
    ],
    [
      'feedback notes, the untriaged ones (no about), and the sources they come from',
      () => [
        feedback.length,
        feedback.filter((note) => (note.fields.about as string[]).length === 0).length,
        [...new Set(feedback.map((note) => note.fields.source))].sort(),
      ],
      [12, 4, ['interview', 'review', 'sales', 'support', 'survey']],
    ],
    [
      'evidence for things that are not roadmap items or requirements',
      () =>
        feedback
          .flatMap((note) => note.fields.about as string[])
          .filter((key) => !roadmapKeys.includes(key) && !requirementKeys.includes(key)),
      [],
    ],
    [
      'releases: status, and items that are on the roadmap with a release note',
      () =>
        roadmap.releases.map((release) => [
          release.key,
          release.status,
          release.items.every(
            (key) => roadmap.items.find((item) => item.key === key)?.releaseNote !== undefined,
          ),
        ]),
      [
        ['REL-1', 'released', true],
        ['REL-2', 'planned', true],
      ],
    ],
    [
      "the shipped spec's metrics all have an Actual",
      () =>
        documents
          .find((document) => document.fields.key === 'SPEC-1')!
          .body.split('## Success metrics')[1]!
          .split('\n## ')[0]!
          .split('\n')
          .filter((line) => line.startsWith('| ') && !line.startsWith('| Metric'))
          .map((line) => line.split('|').at(-2)!.trim() !== ''),
      [true, true, true, true],
    ],
    ['roadmap items per lane', () => [lanesOf('now'), lanesOf('next'), lanesOf('later')], [4, 4, 4]],
    [
      'every key is unique',
      () => allKeys.size,
      documentKeys.length + requirementKeys.length + roadmapKeys.length + releaseKeys.length,
    ],
    [
      'references that resolve to nothing',
      () =>
        documents
          .flatMap((document) => document.scan.references.flatMap(referencedKeys))
          .filter((key) => !allKeys.has(key)),
      [],
    ],
    [
      'requirements without a valid roadmap item',
      () =>
        requirements
          .filter(
            (requirement) =>
              requirement.attributes.roadmap.length === 0 ||
              requirement.attributes.roadmap.some((key) => !roadmapKeys.includes(key)),
          )
          .map((requirement) => requirement.attributes.key),
      [],
    ],
    [
      'implements targets that are not requirements',
      () => [...implemented].filter((key) => !requirementKeys.includes(key)),
      [],
    ],
    [
      'answers targets that are not specs',
      () =>
        documents
          .flatMap((document) => (document.fields.answers as string[] | undefined) ?? [])
          .filter((key) => !documentKeys.includes(key) || !key.startsWith('SPEC-')),
      [],
    ],
    [
      'must requirements without a story',
      () =>
        requirements
          .filter(
            (requirement) =>
              requirement.attributes.priority === 'must' && !implemented.has(requirement.attributes.key),
          )
          .map((requirement) => requirement.attributes.key),
      [],
    ],
    [
      'stories without acceptance criteria',
      () =>
        stories
          .filter((story) => !/^## Acceptance criteria\n\n- \[[ x]\] Given /m.test(story.body))
          .map((story) => story.path),
      [],
    ],
    [
      'Now items without a requirement',
      () =>
        roadmap.items
          .filter(
            (item) =>
              item.lane === 'now' &&
              !requirements.some((requirement) => requirement.attributes.roadmap.includes(item.key)),
          )
          .map((item) => item.key),
      [],
    ],
    [
      'a labelled reference and a requirement anchor are used',
      () => [
        documents.some((document) =>
          document.scan.references.some((reference) => reference.label !== undefined),
        ),
        documents.some((document) =>
          document.scan.references.some((reference) => reference.anchor?.startsWith('REQ-')),
        ),
      ],
      [true, true],
    ],
  ];
  it.each(cases)('%s', (_name, actual, expected) => {
    expect(actual()).toEqual(expected);
  });
});
