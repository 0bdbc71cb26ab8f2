/**
 * The bundle as Markdown: one self-contained file with in-file anchors and its images copied into a
 * folder beside it (or embedded), or a folder tree of documents (zipped by the caller) whose links
 * are relative file links and whose images are copied alongside.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { NameLink } from '../../shared/grammar/nameLinkGrammar.js';
import { approvalsOf, documentFingerprint } from '../../shared/model/signOff.js';
import { isImagePath } from '../../shared/rules/nameLinkProblem.js';
import { locateImageSource } from '../../shared/model/nameResolver.js';
import { riceScore } from '../../shared/model/roadmapModel.js';
import { slugify } from '../engine/workspacePaths.js';
import { approvalStateText, bundleTitle } from './bundleCover.js';
import { imageDataUri, resolveImage } from './bundleImages.js';
import { headingAnchor, portableMarkdown } from './portableMarkdown.js';
import { documentBody, type BundleDocument, type SpecBundle } from './specBundle.js';
import { commentsMarkdown, commentsTitle } from './commentsAppendix.js';

export interface MarkdownBundleOptions {
  date: Date;
  version?: string;
}

interface Location {
  file: string;
  anchor?: string;
}

const folders: Record<string, string> = { spec: 'specs', story: 'stories', faq: 'faqs', doc: 'documents' };
const readmeFile = 'README.md';
const roadmapFile = 'roadmap.md';
const matrixFile = 'traceability.md';
const commentsFile = 'comments.md';

export interface SingleMarkdown {
  markdown: string;
  /** The images to write beside the file, by their path relative to its folder (`bundle.assets/x.png`). */
  assets: Map<string, Uint8Array>;
}

/**
 * One `.md`. Its images are copied into `assetFolder` (a folder name beside the file, which its links
 * name), or embedded as data: URIs without one (a bundle written to standard output has no folder).
 */
export function renderBundleMarkdown(
  bundle: SpecBundle,
  options: MarkdownBundleOptions & { assetFolder?: string },
): SingleMarkdown {
  const single = 'bundle.md';
  const titleFor = (key: string): string | undefined => bundle.titles.get(key);
  const locations = keyLocations(bundle, () => single, single);
  const linkFor = (key: string): string | undefined => {
    const location = locations.get(key);
    return location === undefined ? undefined : `#${location.anchor}`;
  };
  const parts = [preamble(bundle, options), '## Contents', ''];
  // By the heading itself: a chapter without a key (the changes since a revision) has no location by key.
  for (const { entry } of bundle.documents)
    parts.push(`- [${documentHeading(entry)}](#${headingAnchor(documentHeading(entry))})`);
  if (bundle.roadmap.length > 0) parts.push(`- [Roadmap items](#${headingAnchor('Roadmap items')})`);
  if (bundle.matrix) parts.push(`- [Traceability matrix](#${headingAnchor('Traceability matrix')})`);
  if (bundle.comments) parts.push(`- [${commentsTitle}](#${headingAnchor(commentsTitle)})`);
  const assets = new Map<string, Uint8Array>();
  const copy =
    options.assetFolder === undefined ? undefined : assetCopier(options.assetFolder, assets, new Set());
  for (const document of bundle.documents) {
    const imageFor = (written: string): string | undefined => {
      const href = locateImageSource(
        written,
        (link) => bundle.resolveName?.(link, document.entry.path)?.path,
      );
      if (copy === undefined) return imageDataUri(bundle.root, document.entry.path, href);
      const image = resolveImage(bundle.root, document.entry.path, href);
      return image.ok ? copy(image) : undefined;
    };
    const embedFor = (link: NameLink): string | undefined => {
      const target = bundle.resolveName?.(link, document.entry.path);
      return target && isImagePath(target.path) ? imageFor(`/${target.path}`) : undefined;
    };
    parts.push(
      '',
      '---',
      '',
      documentMarkdown(document, { linkFor, imageFor, titleFor, embedFor }, bundle.approvalChanges),
    );
  }
  if (bundle.roadmap.length > 0) parts.push('', '---', '', roadmapMarkdown(bundle, '#'));
  if (bundle.matrix) parts.push('', '---', '', matrixMarkdown(bundle, linkFor));
  if (bundle.comments) parts.push('', '---', '', commentsMarkdown(bundle.comments));
  return { markdown: `${parts.join('\n').trimEnd()}\n`, assets };
}

/**
 * Names each image once in `folder` (safe, unique names), reading its bytes into `files`, and gives
 * its path there.
 */
function assetCopier(
  folder: string,
  files: Map<string, Uint8Array>,
  used: Set<string>,
): (image: Extract<ReturnType<typeof resolveImage>, { ok: true }>) => string {
  const named = new Map<string, string>();
  return (image) => {
    let asset = named.get(image.absolute);
    if (asset === undefined) {
      const extension = path.posix.extname(image.workspacePath).toLowerCase();
      asset = uniqueName(
        `${folder}/${slugify(path.posix.basename(image.workspacePath, extension))}`,
        extension,
        used,
      );
      named.set(image.absolute, asset);
      files.set(asset, readFileSync(image.absolute));
    }
    return asset;
  };
}

/** Every file of the zip, by its path inside the zip (forward slashes, safe names only). */
export function bundleFiles(bundle: SpecBundle, options: MarkdownBundleOptions): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const titleFor = (key: string): string | undefined => bundle.titles.get(key);
  const used = new Set<string>([readmeFile, roadmapFile, matrixFile, commentsFile]);
  const fileOf = new Map<BundleDocument, string>();
  for (const document of bundle.documents) {
    fileOf.set(
      document,
      uniqueName(
        `${folders[document.entry.type] ?? 'documents'}/${slugify(document.entry.title)}`,
        '.md',
        used,
      ),
    );
  }
  const locations = keyLocations(bundle, (document) => fileOf.get(document)!, roadmapFile);
  const copy = assetCopier('assets', files, used);
  const encoder = new TextEncoder();
  const linkFrom =
    (from: string) =>
    (key: string): string | undefined => {
      const location = locations.get(key);
      if (location === undefined) return undefined;
      const file = location.file === from ? '' : path.posix.relative(path.posix.dirname(from), location.file);
      return location.anchor === undefined ? file || '#' : `${file}#${location.anchor}`;
    };
  for (const document of bundle.documents) {
    const file = fileOf.get(document)!;
    const imageFor = (href: string): string | undefined => {
      const image = resolveImage(bundle.root, document.entry.path, href);
      return image.ok ? path.posix.relative(path.posix.dirname(file), copy(image)) : undefined;
    };
    files.set(
      file,
      encoder.encode(
        `${documentMarkdown(
          document,
          { linkFor: linkFrom(file), imageFor, titleFor },
          bundle.approvalChanges,
        )}\n`,
      ),
    );
  }
  const index = [preamble(bundle, options), '## Contents', ''];
  for (const document of bundle.documents)
    index.push(`- [${documentHeading(document.entry)}](${fileOf.get(document)!})`);
  if (bundle.roadmap.length > 0) {
    index.push(`- [Roadmap items](${roadmapFile})`);
    files.set(roadmapFile, encoder.encode(`${roadmapMarkdown(bundle, '#')}\n`));
  }
  if (bundle.matrix) {
    index.push(`- [Traceability matrix](${matrixFile})`);
    files.set(matrixFile, encoder.encode(`${matrixMarkdown(bundle, linkFrom(matrixFile))}\n`));
  }
  if (bundle.comments) {
    index.push(`- [${commentsTitle}](${commentsFile})`);
    files.set(commentsFile, encoder.encode(`${commentsMarkdown(bundle.comments)}\n`));
  }
  files.set(readmeFile, encoder.encode(`${index.join('\n')}\n`));
  return files;
}

function keyLocations(
  bundle: SpecBundle,
  fileOf: (document: BundleDocument) => string,
  roadmap: string,
): Map<string, Location> {
  const locations = new Map<string, Location>();
  for (const document of bundle.documents) {
    const file = fileOf(document);
    const { entry } = document;
    if (entry.key !== undefined)
      locations.set(entry.key, { file, anchor: headingAnchor(documentHeading(entry)) });
    for (const requirement of entry.requirements)
      locations.set(requirement.key, { file, anchor: headingAnchor(requirement.key) });
  }
  for (const item of bundle.roadmap)
    locations.set(item.key, { file: roadmap, anchor: headingAnchor(roadmapHeading(item)) });
  return locations;
}

function preamble(bundle: SpecBundle, options: MarkdownBundleOptions): string {
  const date = options.date.toISOString().slice(0, 10);
  const facts = [bundle.workspaceName, 'specification bundle', date, options.version]
    .filter(Boolean)
    .join(' · ');
  return `# ${escapeText(bundleTitle(bundle))}\n\n${escapeText(facts)}\n`;
}

function documentHeading(entry: BundleDocument['entry']): string {
  return entry.key === undefined ? entry.title : `${entry.key}: ${entry.title}`;
}

function documentMarkdown(
  document: BundleDocument,
  links: Parameters<typeof portableMarkdown>[1],
  approvalChanges?: ReadonlyMap<string, readonly string[]>,
): string {
  const { entry } = document;
  const rows = Object.entries(entry.fields)
    .filter(([name, value]) => name !== 'title' && value !== null && value !== undefined && value !== '')
    .map(([name, value]) => {
      const cell =
        name === 'approvals' && approvalsOf(entry.fields).length > 0
          ? approvalsText(entry, approvalChanges)
          : fieldValue(value, name === 'key' ? () => undefined : links.linkFor);
      return `| ${fieldName(name)} | ${cell} |`;
    });
  const table = rows.length === 0 ? '' : `| Field | Value |\n|---|---|\n${rows.join('\n')}\n\n`;
  return `# ${escapeText(documentHeading(entry))}\n\n${table}${portableMarkdown(documentBody(document), links).trim()}`;
}

function fieldName(name: string): string {
  return escapeText(name.charAt(0).toUpperCase() + name.slice(1).replace(/[_-]/g, ' '));
}

function fieldValue(value: unknown, linkFor: (key: string) => string | undefined): string {
  if (Array.isArray(value)) return value.map((item) => fieldValue(item, linkFor)).join(', ');
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (value !== null && typeof value === 'object')
    return Object.entries(value)
      .map(([name, inner]) => `${cellText(name)}: ${fieldValue(inner, linkFor)}`)
      .join(', ');
  const text = String(value);
  const target = linkFor(text);
  return target === undefined ? cellText(text) : `[${cellText(text)}](${target})`;
}

/** Who approved a spec and when, and whether its requirements changed since, as the PDF's cover says it. */
function approvalsText(
  entry: BundleDocument['entry'],
  changes?: ReadonlyMap<string, readonly string[]>,
): string {
  const fingerprint = documentFingerprint(entry);
  return approvalsOf(entry.fields)
    .map((approval, index) => {
      const who = approval.email ? `${approval.by} (${approval.email})` : approval.by;
      const when = approval.at === '' ? '' : ` on ${approval.at.slice(0, 10)}`;
      const state = approvalStateText(
        approval.fingerprint === fingerprint,
        changes?.get(entry.path)?.[index],
      );
      return cellText(`${who}${when}, requirements ${state}`);
    })
    .join('; ');
}

function cellText(text: string): string {
  return escapeText(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function roadmapHeading(item: SpecBundle['roadmap'][number]): string {
  return `${item.key}: ${item.title}`;
}

function roadmapMarkdown(bundle: SpecBundle, level: string): string {
  const items = bundle.roadmap.map((item) => {
    const facts = [`lane ${item.lane}`, item.quarter, item.status, item.owner && `owner ${item.owner}`];
    if (item.rice)
      facts.push(
        `RICE ${riceScore(item.rice)} (${item.rice.reach} × ${item.rice.impact} × ${item.rice.confidence}% ÷ ${item.rice.effort})`,
      );
    const description = item.description ? `\n\n${escapeText(item.description)}` : '';
    return `${level}## ${escapeText(roadmapHeading(item))}\n\n*${escapeText(facts.filter(Boolean).join(' · '))}*${description}`;
  });
  return [`${level} Roadmap items`, '', ...items.flatMap((item) => [item, ''])].join('\n').trimEnd();
}

function matrixMarkdown(bundle: SpecBundle, linkFor: (key: string) => string | undefined): string {
  const link = (key: string): string => {
    const target = linkFor(key);
    return target === undefined ? key : `[${key}](${target})`;
  };
  const rows = (bundle.matrix ?? []).map(
    (row) =>
      `| ${link(row.requirement)} | ${escapeText(row.summary).replace(/\|/g, '\\|')} | ${link(row.spec)} | ${row.priority ?? ''} | ${
        row.status ?? '—'
      } | ${row.roadmap.map(link).join(', ') || '—'} | ${row.lanes.join(', ') || '—'} | ${
        row.stories.map(link).join(', ') || '—'
      } |`,
  );
  return [
    '# Traceability matrix',
    '',
    '| Requirement | Summary | Spec | Priority | Status | Roadmap | Lane | Stories |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** Plain text from titles and fields must not turn into Markdown or HTML. */
function escapeText(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, '\\$&');
}

function uniqueName(stem: string, extension: string, used: Set<string>): string {
  let name = `${stem}${extension}`;
  for (let count = 2; used.has(name.toLowerCase()); count++) name = `${stem}-${count}${extension}`;
  used.add(name.toLowerCase());
  return name;
}
