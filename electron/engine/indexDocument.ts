/** One file's text → its `DocumentEntry`: front matter, headings, requirements, references and sections. */
import { scanAcceptanceCriteria } from '../../shared/grammar/acceptanceCriteria.js';
import { feedbackQuote } from '../../shared/grammar/feedbackQuote.js';
import { scanMarkdown, type ScannedHeading } from '../../shared/grammar/markdownScanner.js';
import { scanSuccessMetrics } from '../../shared/grammar/successMetrics.js';
import {
  documentFolders,
  documentTypes,
  type DocumentEntry,
  type DocumentType,
  type EvidenceEntry,
  type RequirementEntry,
} from '../../shared/model/documentModel.js';
import { documentTitle, fileTitle } from '../../shared/model/documentTitle.js';
import { headingPlainText } from '../../shared/model/headingAnchor.js';
import { parseDesignLinks } from '../../shared/model/designLinks.js';
import { requirementFingerprint } from '../../shared/model/fingerprint.js';
import { conflictMarkerLine, conflictProblem } from '../../shared/rules/conflictedFile.js';
import { splitDocumentQuickly } from './plainFrontMatter.js';
import { summarizeSections } from './sectionSummary.js';

export interface IndexedVersion {
  size: number;
  mtimeMs: number;
  hash: string;
}

const typeByFolder = new Map<string, DocumentType>(
  Object.entries(documentFolders).map(([type, folder]) => [folder, type as DocumentType]),
);

export function indexDocument(path: string, text: string, version: IndexedVersion): DocumentEntry {
  const split = splitDocumentQuickly(text);
  const fields = split.frontMatter?.data ?? {};
  // One split serves the scan and the section summaries.
  const lines = split.body.split('\n');
  const scan = scanMarkdown(split.body, lines);
  const shift = split.bodyLine - 1;
  const headings = scan.headings.map((heading) => ({ ...heading, line: heading.line + shift }));
  const key = stringField(fields.key);
  const type = documentType(path, fields, key !== undefined);
  const conflictLine = conflictMarkerLine(text);
  const conflictKeys = new Set<string>();
  const entry: DocumentEntry = {
    path,
    type,
    title: documentTitle(fields, path),
    implements: keyList(fields.implements),
    answers: keyList(fields.answers),
    about: keyList(fields.about),
    criteria: type === 'story' ? scanAcceptanceCriteria(lines, scan.headings, split.bodyLine) : [],
    metrics: type === 'spec' ? scanSuccessMetrics(lines, scan.headings, split.bodyLine) : [],
    fields,
    headings,
    sections: summarizeSections(split.body, scan.headings, split.bodyLine, lines),
    requirements: scan.requirements.flatMap((requirement) => {
      // Both sides of a conflict hold the requirement: it is one definition, the first side's.
      if (conflictLine !== undefined) {
        if (conflictKeys.has(requirement.attributes.key)) return [];
        conflictKeys.add(requirement.attributes.key);
      }
      const entry: RequirementEntry = {
        key: requirement.attributes.key,
        roadmap: requirement.attributes.roadmap,
        line: requirement.line + shift,
        endLine: requirement.endLine + shift,
        summary: firstTextLine(requirement.body),
        fingerprint: requirementFingerprint(requirement.body),
      };
      if (requirement.attributes.priority !== undefined) entry.priority = requirement.attributes.priority;
      if (requirement.attributes.status !== undefined) entry.status = requirement.attributes.status;
      const section = sectionAt(headings, entry.line);
      if (section !== undefined) entry.section = section;
      return [entry];
    }),
    references: scan.references.map((reference) => ({ ...reference, line: reference.line + shift })),
    nameLinks: scan.nameLinks.map((link) => ({ ...link, line: link.line + shift })),
    aliases: textList(fields.aliases ?? fields.alias),
    tags: uniqueTags([...textList(fields.tags ?? fields.tag), ...scan.tags]),
    blockIds: scan.blockIds,
    htmlAnchors: scan.htmlAnchors,
    bodyLine: split.bodyLine,
    size: version.size,
    mtimeMs: version.mtimeMs,
    hash: version.hash,
  };
  if (key !== undefined) entry.key = key;
  const status = stringField(fields.status);
  if (status !== undefined) entry.status = status;
  const owner = stringField(fields.owner);
  if (owner !== undefined) entry.owner = owner;
  if (split.frontMatter?.error) entry.problem = split.frontMatter.error;
  if (conflictLine !== undefined) {
    entry.problem = conflictProblem(conflictLine);
    entry.conflicted = true;
  }
  if (type === 'feedback') entry.evidence = evidenceOf(fields, lines);
  const depends = keyList(fields.depends).filter((key) => key !== '');
  if (depends.length > 0) entry.depends = depends;
  const design = parseDesignLinks(fields.design);
  if (design.length > 0) entry.design = design;
  return entry;
}

/** A feedback note's front-matter fields that are text, and its quote. */
function evidenceOf(fields: Record<string, unknown>, lines: string[]): EvidenceEntry {
  const evidence: EvidenceEntry = { quote: feedbackQuote(lines) };
  for (const name of ['customer', 'segment', 'source', 'date', 'url'] as const) {
    const value = stringField(fields[name]);
    if (value !== undefined) evidence[name] = value;
  }
  return evidence;
}

/** An entry for a file that could not be read: listed, with its problem, so the rules report it. */
export function unreadableDocument(
  path: string,
  message: string,
  version: { size: number; mtimeMs: number },
): DocumentEntry {
  return {
    path,
    type: 'doc',
    title: fileTitle(path),
    implements: [],
    answers: [],
    about: [],
    criteria: [],
    metrics: [],
    fields: {},
    headings: [],
    sections: [],
    requirements: [],
    references: [],
    nameLinks: [],
    aliases: [],
    tags: [],
    blockIds: [],
    htmlAnchors: [],
    bodyLine: 1,
    problem: { message, line: 1 },
    size: version.size,
    mtimeMs: version.mtimeMs,
    hash: '',
  };
}

/** Front matter `type`, else the folder (for files with a Specbench key), else a plain `doc`. */
function documentType(path: string, fields: Record<string, unknown>, hasKey: boolean): DocumentType {
  const declared = fields.type;
  if (typeof declared === 'string' && (documentTypes as readonly string[]).includes(declared)) {
    return declared as DocumentType;
  }
  if (!hasKey) return 'doc';
  const folder = path.includes('/') ? path.slice(0, path.indexOf('/')) : '';
  return typeByFolder.get(folder) ?? 'doc';
}

function stringField(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** `implements: [REQ-1, REQ-2]`, or a single `implements: REQ-1`. */
function keyList(value: unknown): string[] {
  const values = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return values.filter((item): item is string => typeof item === 'string').map((item) => item.trim());
}

/** `aliases: [A, B]`, `aliases: A`, or a comma-separated `tags: a, b`: the texts, trimmed, without a leading `#`. */
function textList(value: unknown): string[] {
  const values = Array.isArray(value)
    ? value
    : typeof value === 'string'
      ? value.split(/,\s*/)
      : typeof value === 'number'
        ? [value]
        : [];
  return values
    .filter((item): item is string | number => typeof item === 'string' || typeof item === 'number')
    .map((item) => String(item).trim())
    .filter((item) => item !== '');
}

/** Tags compare without case and without `#`; the first spelling is kept. */
function uniqueTags(tags: string[]): string[] {
  const seen = new Map<string, string>();
  for (const tag of tags) {
    const bare = tag.replace(/^#/, '');
    if (bare !== '' && !seen.has(bare.toLowerCase())) seen.set(bare.toLowerCase(), bare);
  }
  return [...seen.values()];
}

function firstTextLine(body: string): string {
  for (let start = 0; start < body.length;) {
    const end = body.indexOf('\n', start);
    const text = body.slice(start, end === -1 ? body.length : end).trim();
    if (text !== '') return text;
    if (end === -1) break;
    start = end + 1;
  }
  return '';
}

/** The last heading above a file line. */
function sectionAt(headings: ScannedHeading[], line: number): string | undefined {
  let section: string | undefined;
  for (const heading of headings) {
    if (heading.line > line) break;
    section = headingPlainText(heading.text);
  }
  return section;
}
