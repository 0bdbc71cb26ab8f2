/**
 * The seeded reference workspace of DESIGN.md's performance budget: 1,000 specs with 50 requirements
 * each, 8,000 stories, 1,000 FAQs and 2,000 roadmap items, about 25 MB, every link valid.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { productVocabulary, type ProductVocabulary } from './productVocabulary.js';
import { seededRandom, type SeededRandom } from './seededRandom.js';

export interface GenerateOptions {
  seed: number;
  specs: number;
  requirementsPerSpec: number;
  stories: number;
  faqs: number;
  roadmapItems: number;
}

export const referenceWorkspace: GenerateOptions = {
  seed: 1,
  specs: 1000,
  requirementsPerSpec: 50,
  stories: 8000,
  faqs: 1000,
  roadmapItems: 2000,
};

export interface GeneratedWorkspace {
  documents: number;
  requirements: number;
  roadmapItems: number;
  bytes: number;
  /** Workspace-relative paths of every Markdown file, in generation order. */
  paths: string[];
}

interface Writer {
  write(relativePath: string, text: string): void;
}

const lanes = ['now', 'next', 'later'] as const;
const quarters = ['2026-Q4', '2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4', '2028-Q1'];
const specStatuses = ['draft', 'review', 'approved', 'shipped'];
const storyStatuses = ['idea', 'ready', 'in-progress', 'done'];
const writeConcurrency = 32;

export async function generateWorkspace(
  dir: string,
  overrides: Partial<GenerateOptions> = {},
): Promise<GeneratedWorkspace> {
  const options = { ...referenceWorkspace, ...overrides };
  const random = seededRandom(options.seed);
  const words = productVocabulary(random);
  const pending: [string, string][] = [];
  const writer: Writer = { write: (relativePath, text) => pending.push([relativePath, text]) };

  const roadmap = roadmapFile(options, random, words);
  const musts = writeSpecs(options, random, words, writer);
  writeStories(options, random, words, writer, musts);
  writeFaqs(options, random, words, writer);

  for (const folder of ['specs', 'stories', 'faqs', 'assets', 'templates']) {
    await fs.mkdir(path.join(dir, folder), { recursive: true });
  }
  const settings = { name: `Reference workspace (seed ${options.seed})`, rules: {} };
  pending.push(['specbench.json', `${JSON.stringify(settings, null, 2)}\n`]);
  pending.push(['roadmap.json', `${JSON.stringify(roadmap, null, 2)}\n`]);
  pending.push(['.gitignore', '.specbench/\n']);
  let bytes = 0;
  for (let start = 0; start < pending.length; start += writeConcurrency) {
    const batch = pending.slice(start, start + writeConcurrency);
    await Promise.all(batch.map(([relativePath, text]) => fs.writeFile(path.join(dir, relativePath), text)));
    for (const [, text] of batch) bytes += Buffer.byteLength(text);
  }
  return {
    documents: options.specs + options.stories + options.faqs,
    requirements: options.specs * options.requirementsPerSpec,
    roadmapItems: options.roadmapItems,
    bytes,
    paths: pending
      .filter(([relativePath]) => relativePath.endsWith('.md'))
      .map(([relativePath]) => relativePath),
  };
}

function roadmapFile(options: GenerateOptions, random: SeededRandom, words: ProductVocabulary): unknown {
  const items = Array.from({ length: options.roadmapItems }, (_, index) => ({
    key: `RM-${index + 1}`,
    title: words.title(),
    description: words.paragraph(random.integer(1, 3)),
    lane: lanes[index % 3]!,
    rank: Math.floor(index / 3),
    quarter: random.pick(quarters),
    status: random.pick(['proposed', 'planned', 'in-progress']),
    theme: words.theme(),
    owner: words.person(),
    rice: {
      reach: random.integer(1, 100) * 500,
      impact: random.pick([3, 2, 1, 0.5, 0.25]),
      confidence: random.pick([100, 80, 50]),
      effort: random.integer(1, 12),
    },
  }));
  return { version: 1, items };
}

function requirementKey(options: GenerateOptions, spec: number, index: number): string {
  return `REQ-${(spec - 1) * options.requirementsPerSpec + index + 1}`;
}

/** Writes the specs and returns the `must` requirement keys, for stories to implement. */
function writeSpecs(
  options: GenerateOptions,
  random: SeededRandom,
  words: ProductVocabulary,
  writer: Writer,
): string[] {
  const musts: string[] = [];
  for (let spec = 1; spec <= options.specs; spec++) {
    const title = words.title();
    const lines = [
      '---',
      `key: SPEC-${spec}`,
      'type: spec',
      `title: ${title}`,
      `status: ${random.pick(specStatuses)}`,
      `owner: ${words.person()}`,
      '---',
      '## Summary',
      '',
      words.paragraph(3),
      '',
      '## Problem',
      '',
      words.paragraph(4),
      '',
      words.paragraph(3),
      '',
      '## Goals',
      '',
      ...Array.from({ length: 3 }, () => `- ${words.sentence()}`),
      '',
      '## Non-goals',
      '',
      ...Array.from({ length: 2 }, () => `- ${words.sentence()}`),
      '',
      '## Success metrics',
      '',
      '| Metric | Target | Actual |',
      '|---|---|---|',
      ...Array.from(
        { length: 3 },
        () => `| ${words.metric()} | ${random.integer(10, 90)}% | ${random.integer(5, 95)}% |`,
      ),
      '',
      '## Users',
      '',
      `Mostly ${words.persona()}s and ${words.persona()}s; see also ${mention(options, random, spec)}.`,
      '',
      '## Requirements',
      '',
    ];
    for (let index = 0; index < options.requirementsPerSpec; index++) {
      const key = requirementKey(options, spec, index);
      const priority = random.pick([
        'must',
        'must',
        'must',
        'should',
        'should',
        'should',
        'should',
        'could',
        'could',
        'wont',
      ]);
      if (priority === 'must') musts.push(key);
      const roadmap = `RM-${random.integer(1, options.roadmapItems)}`;
      lines.push(
        `:::requirement{#${key} priority=${priority} status=${random.pick(['draft', 'review', 'approved'])} roadmap=${roadmap}}`,
      );
      lines.push(words.sentence(), '');
      for (let criterion = random.integer(1, 2); criterion > 0; criterion--)
        lines.push(`- ${words.criterion()}`);
      lines.push(':::', '');
    }
    lines.push('## Open questions', '', `- ${words.question()}`, `- ${words.question()}`, '');
    lines.push('## Release plan', '', `1. ${words.sentence()}`, `2. ${words.sentence()}`, '');
    writer.write(`specs/${slug(title)}-${spec}.md`, lines.join('\n'));
  }
  return musts;
}

function writeStories(
  options: GenerateOptions,
  random: SeededRandom,
  words: ProductVocabulary,
  writer: Writer,
  musts: string[],
): void {
  const totalRequirements = options.specs * options.requirementsPerSpec;
  for (let story = 1; story <= options.stories; story++) {
    const implemented = new Set<string>();
    if (musts.length > 0) {
      implemented.add(musts[((story - 1) * 2) % musts.length]!);
      implemented.add(musts[((story - 1) * 2 + 1) % musts.length]!);
    } else if (totalRequirements > 0) {
      implemented.add(`REQ-${random.integer(1, totalRequirements)}`);
    }
    const title = words.title();
    const lines = [
      '---',
      `key: STORY-${story}`,
      'type: story',
      `title: ${title}`,
      `status: ${random.pick(storyStatuses)}`,
      `implements: [${[...implemented].join(', ')}]`,
      `estimate: ${random.pick([1, 2, 3, 5, 8, 13])}`,
      '---',
      words.story(),
      '',
      `${words.sentence()} Context: ${mention(options, random, 0)}.`,
      '',
      '## Acceptance criteria',
      '',
      ...Array.from({ length: random.integer(2, 4) }, () => `- [ ] ${words.criterion()}`),
      '',
    ];
    writer.write(`stories/${slug(title)}-${story}.md`, lines.join('\n'));
  }
}

function writeFaqs(
  options: GenerateOptions,
  random: SeededRandom,
  words: ProductVocabulary,
  writer: Writer,
): void {
  for (let faq = 1; faq <= options.faqs; faq++) {
    const spec = options.specs > 0 ? random.integer(1, options.specs) : 0;
    const title = `${words.title()} FAQ`;
    const lines = [
      '---',
      `key: FAQ-${faq}`,
      'type: faq',
      `title: ${title}`,
      `status: ${random.pick(['draft', 'review', 'published'])}`,
      spec > 0 ? `answers: [SPEC-${spec}]` : 'answers: []',
      '---',
      '## Press release',
      '',
      words.paragraph(4),
      '',
      '## External FAQ',
      '',
    ];
    for (let question = 0; question < 3; question++)
      lines.push(`### ${words.question()}`, '', words.paragraph(2), '');
    lines.push('## Internal FAQ', '');
    for (let question = 0; question < 2; question++)
      lines.push(`### ${words.question()}`, '', words.paragraph(2), '');
    if (spec > 0) lines.push(`Details are in ${mention(options, random, spec)}.`, '');
    writer.write(`faqs/${slug(title)}-${faq}.md`, lines.join('\n'));
  }
}

/** A valid `[[…]]` mention of another document: a spec, a requirement inside its spec, or a labelled story. */
function mention(options: GenerateOptions, random: SeededRandom, notSpec: number): string {
  const form = random.integer(0, 2);
  if (options.specs > 1 && form === 0) {
    let spec = random.integer(1, options.specs);
    if (spec === notSpec) spec = (spec % options.specs) + 1;
    return `[[SPEC-${spec}]]`;
  }
  if (options.specs > 0 && options.requirementsPerSpec > 0 && form === 1) {
    const spec = random.integer(1, options.specs);
    return `[[SPEC-${spec}#${requirementKey(options, spec, random.integer(0, options.requirementsPerSpec - 1))}]]`;
  }
  if (options.stories > 0) return `[[STORY-${random.integer(1, options.stories)}|the related story]]`;
  return 'the roadmap';
}

function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
