/**
 * What `specbench show` says about a key: a document (for a story its acceptance criteria, estimate
 * and each requirement it implements with its text and roadmap items), a requirement with its text,
 * a roadmap item or a release. `json` is the documented JSON shape; `rows` and `blocks` the text form.
 */
import { splitDocument } from '../../shared/frontMatter/frontMatter.js';
import { findHeading, headingPlainText } from '../../shared/model/headingAnchor.js';
import { riceScore, type RoadmapItem } from '../../shared/model/roadmapModel.js';
import type { DocumentEntry, RequirementEntry } from '../../shared/model/documentModel.js';
import type { Workspace } from '../engine/workspace.js';

export interface Shown {
  kind: 'document' | 'requirement' | 'roadmap' | 'release';
  title: string;
  path?: string;
  line?: number;
  /** `name  value` rows under the title; empty values are left out. */
  rows: [string, string][];
  /** Titled blocks of lines after the rows (acceptance criteria, requirement text). */
  blocks: { title: string; lines: string[] }[];
  json: Record<string, unknown>;
}

/** Front-matter fields the rows above already show. */
const shownFields = new Set([
  'key',
  'type',
  'title',
  'status',
  'owner',
  'estimate',
  'implements',
  'answers',
  'about',
  'depends',
  'design',
]);

interface RoadmapBrief {
  key: string;
  title?: string;
  lane?: string;
  status?: string;
  quarter?: string;
}

/** The requirement `anchor` names inside document `key`, or the heading it names; undefined for the key alone. */
export async function describeKey(
  workspace: Workspace,
  key: string,
  anchor?: string,
): Promise<Shown | { missing: string }> {
  const document = workspace.document(key);
  if (document && anchor !== undefined) {
    const requirement = document.requirements.find((candidate) => candidate.key === anchor);
    if (requirement) return describeRequirement(workspace, requirement, document);
    const heading =
      document.headings[
        findHeading(
          document.headings.map((candidate) => candidate.text),
          anchor.trim(),
        )
      ];
    if (!heading) return { missing: `${key} has no requirement or heading ${anchor}` };
    const shown = await describeDocument(workspace, document);
    return {
      ...shown,
      line: heading.line,
      json: { ...shown.json, line: heading.line, heading: headingPlainText(heading.text) },
    };
  }
  if (document) return describeDocument(workspace, document);
  if (anchor !== undefined) return { missing: `no document has the key ${key}` };
  const found = workspace.requirement(key);
  if (found) return describeRequirement(workspace, found.requirement, found.document);
  const item = workspace.roadmap().find((candidate) => candidate.key === key);
  if (item) return describeRoadmapItem(workspace, item);
  const release = workspace.releases().find((candidate) => candidate.key === key);
  if (release) {
    return {
      kind: 'release',
      title: release.name,
      rows: [
        ['status', release.status],
        ['date', release.date ?? ''],
        ['items', release.items.join(' ')],
        ['summary', release.summary ?? ''],
      ],
      blocks: [],
      json: { kind: 'release', key, fields: release },
    };
  }
  return { missing: `no document, requirement, roadmap item or release has the key ${key}` };
}

async function describeDocument(workspace: Workspace, document: DocumentEntry): Promise<Shown> {
  const fields = await writtenFields(workspace, document);
  const dependencies = (document.depends ?? []).map((key) => dependencyOf(workspace, key));
  const shown: Shown = {
    kind: 'document',
    title: document.title,
    path: document.path,
    line: 1,
    rows: [
      ['type', document.type],
      ['status', document.status ?? ''],
      ['owner', document.owner ?? ''],
      ['estimate', document.type === 'story' ? displayValue(fields.estimate) : ''],
      ['requirements', document.requirements.map((requirement) => requirement.key).join(' ')],
      ['implements', document.implements.join(' ')],
      ['answers', document.answers.join(' ')],
      ['about', document.about.join(' ')],
      ['depends', dependencies.map(describeDependency).join(', ')],
      [
        'design',
        (document.design ?? [])
          .map((link) => (link.url ? `${link.label} <${link.url}>` : link.label))
          .join(', '),
      ],
      ['problem', document.problem ? `line ${document.problem.line}: ${document.problem.message}` : ''],
      // The rest of the front matter as written (dates as dates: 2018-12-21, 1.10 as 1.10).
      ...Object.entries(fields)
        .filter(([name]) => !shownFields.has(name))
        .map(([name, value]): [string, string] => [name, displayValue(value)]),
    ],
    blocks: [],
    json: {
      kind: 'document',
      key: document.key,
      type: document.type,
      title: document.title,
      path: document.path,
      line: 1,
      fields,
      ...(document.problem ? { problem: document.problem } : {}),
      requirements: document.requirements.map(requirementSummary),
      ...(document.depends ? { depends: dependencies } : {}),
      ...(document.design ? { design: document.design } : {}),
    },
  };
  if (document.type !== 'story') return shown;
  const implemented = await Promise.all(
    document.implements.map(async (key) => {
      const found = workspace.requirement(key);
      if (!found) return { key, missing: true as const };
      const text = await requirementText(workspace, found.requirement, found.document);
      return {
        ...requirementSummary(found.requirement),
        path: found.document.path,
        spec: found.document.key ?? found.document.path,
        text,
        roadmap: found.requirement.roadmap.map((item) => roadmapBrief(workspace, item)),
      };
    }),
  );
  shown.json.story = {
    ...(fields.estimate === undefined ? {} : { estimate: fields.estimate }),
    acceptanceCriteria: document.criteria,
    implements: implemented,
  };
  shown.blocks.push({
    title: 'Acceptance criteria',
    lines:
      document.criteria.length === 0
        ? ['  (none written)']
        : document.criteria.map(
            (criterion) =>
              `  ${criterion.done === undefined ? '-' : criterion.done ? '[x]' : '[ ]'} ${criterion.text}`,
          ),
  });
  for (const requirement of implemented) {
    if ('missing' in requirement) {
      shown.blocks.push({ title: `Implements ${requirement.key}`, lines: ['  (no such requirement)'] });
      continue;
    }
    const facts = [requirement.spec, requirement.priority, requirement.status].filter(Boolean).join(', ');
    shown.blocks.push({
      title: `Implements ${requirement.key} (${facts})`,
      lines: [
        ...indented(requirement.text),
        ...requirement.roadmap.map((item) => `  Roadmap: ${describeBrief(item)}`),
      ],
    });
  }
  return shown;
}

async function describeRequirement(
  workspace: Workspace,
  requirement: RequirementEntry,
  parent: DocumentEntry,
): Promise<Shown> {
  const text = await requirementText(workspace, requirement, parent);
  const roadmap = requirement.roadmap.map((item) => roadmapBrief(workspace, item));
  return {
    kind: 'requirement',
    title: requirement.summary,
    path: parent.path,
    line: requirement.line,
    rows: [
      ['spec', `${parent.key ?? ''} ${parent.title}`.trim()],
      ['section', requirement.section ?? ''],
      ['priority', requirement.priority ?? ''],
      ['status', requirement.status ?? ''],
      ['roadmap', roadmap.map(describeBrief).join('; ')],
    ],
    blocks: [{ title: 'Text', lines: indented(text) }],
    json: {
      kind: 'requirement',
      ...requirementSummary(requirement),
      path: parent.path,
      spec: { ...(parent.key === undefined ? {} : { key: parent.key }), title: parent.title },
      ...(requirement.section === undefined ? {} : { section: requirement.section }),
      text,
      roadmap,
    },
  };
}

function describeRoadmapItem(workspace: Workspace, item: RoadmapItem): Shown {
  const delivering = workspace
    .documents()
    .flatMap((document) => document.requirements)
    .filter((requirement) => requirement.roadmap.includes(item.key))
    .map((requirement) => requirement.key);
  return {
    kind: 'roadmap',
    title: item.title,
    rows: [
      ['lane', item.lane],
      ['quarter', item.quarter ?? ''],
      ['status', item.status],
      ['theme', item.theme ?? ''],
      ['owner', item.owner ?? ''],
      [
        'RICE',
        item.rice
          ? `${riceScore(item.rice)} (reach ${item.rice.reach} × impact ${item.rice.impact} × confidence ${item.rice.confidence}% ÷ effort ${item.rice.effort})`
          : '',
      ],
      ['requirements', [...new Set(delivering)].join(' ')],
      ['description', item.description],
      ['release note', item.releaseNote ?? ''],
    ],
    blocks: [],
    json: { kind: 'roadmap', key: item.key, fields: item, requirements: [...new Set(delivering)] },
  };
}

type Dependency =
  | { key: string; kind: 'document' | 'requirement' | 'roadmap'; title?: string; status?: string }
  | { key: string; missing: true };

/** What a `depends` key names now, with its status: a story, a requirement or a roadmap item. */
function dependencyOf(workspace: Workspace, key: string): Dependency {
  const document = workspace.document(key);
  if (document?.key === key)
    return {
      key,
      kind: 'document',
      title: document.title,
      ...(document.status ? { status: document.status } : {}),
    };
  const found = workspace.requirement(key);
  if (found)
    return {
      key,
      kind: 'requirement',
      title: found.requirement.summary,
      ...(found.requirement.status ? { status: found.requirement.status } : {}),
    };
  const item = workspace.roadmap().find((entry) => entry.key === key);
  if (item)
    return { key, kind: 'roadmap', title: item.title, ...(item.status ? { status: item.status } : {}) };
  return { key, missing: true };
}

function describeDependency(dependency: Dependency): string {
  if ('missing' in dependency) return `${dependency.key} (no such key)`;
  return dependency.status ? `${dependency.key} (${dependency.status})` : dependency.key;
}

function requirementSummary(
  requirement: RequirementEntry,
): Pick<RequirementEntry, 'key' | 'line' | 'summary' | 'priority' | 'status' | 'roadmap'> {
  return {
    key: requirement.key,
    line: requirement.line,
    summary: requirement.summary,
    ...(requirement.priority === undefined ? {} : { priority: requirement.priority }),
    ...(requirement.status === undefined ? {} : { status: requirement.status }),
    roadmap: requirement.roadmap,
  };
}

/** The document's front matter with its numbers as written (1.10, 012); the index's when the file cannot be read. */
async function writtenFields(
  workspace: Workspace,
  document: DocumentEntry,
): Promise<Record<string, unknown>> {
  const read = await workspace.readDocument(document.path);
  if (!read.ok) return document.fields;
  return splitDocument(read.file.text, { numbersAsWritten: true }).frontMatter?.data ?? document.fields;
}

/** The requirement's Markdown between its fences, as written. */
async function requirementText(
  workspace: Workspace,
  requirement: RequirementEntry,
  document: DocumentEntry,
): Promise<string> {
  const read = await workspace.readDocument(document.path);
  if (!read.ok) return requirement.summary;
  return read.file.text
    .split(/\r?\n/)
    .slice(requirement.line, Math.max(requirement.line, requirement.endLine - 1))
    .join('\n')
    .trim();
}

function roadmapBrief(workspace: Workspace, key: string): RoadmapBrief {
  const item = workspace.roadmap().find((candidate) => candidate.key === key);
  if (!item) return { key };
  return {
    key,
    title: item.title,
    lane: item.lane,
    status: item.status,
    ...(item.quarter === undefined ? {} : { quarter: item.quarter }),
  };
}

function describeBrief(item: RoadmapBrief): string {
  if (item.title === undefined) return `${item.key} (no such roadmap item)`;
  return `${item.key} ${item.title} (${[item.lane, item.quarter, item.status].filter(Boolean).join(', ')})`;
}

function indented(text: string): string[] {
  return text.split('\n').map((line) => (line === '' ? '' : `  ${line}`));
}

/** A front-matter value in one line: lists joined, anything else as JSON. */
export function displayValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(displayValue).join(', ');
  if (value instanceof Date || typeof value !== 'object') return String(value);
  return Object.entries(value)
    .map(([name, inner]) => `${name}: ${displayValue(inner)}`)
    .join(', ');
}
