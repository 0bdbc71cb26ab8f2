/**
 * The whole bundle as one self-contained, sanitised HTML document: cover, contents, each document,
 * and the roadmap and traceability appendices. The PDF is printed from exactly this HTML.
 */
import { riceScore } from '../../shared/model/roadmapModel.js';
import { bundleTitle, coverHtml, singleDocument } from './bundleCover.js';
import type { BundlePlace } from './bundleLinks.js';
import { bundleStyles } from './bundleStyles.js';
import { commentsHtml, commentsTitle } from './commentsAppendix.js';
import { exportFontFaces } from './exportFonts.js';
import { keyLink, renderDocumentHtml, type TocHeading } from './documentHtml.js';
import { attributes, escapeHtml, safeHref } from './htmlSanitizer.js';
import { runningHeaderStyles, type RunningHeader } from './runningHeaders.js';
import { documentBody, type SpecBundle } from './specBundle.js';
import type { DiagramResult } from '../../shared/markdown/mermaidSettings.js';

export interface BundleHtmlOptions {
  date: Date;
  /** `commit 1a2b3c4 · tag v1.2`, when the workspace is a git repository. */
  version?: string;
  /** Printed page of each contents entry, by heading id; a print layout gets a page column either way. */
  pages?: ReadonlyMap<string, number>;
  print?: boolean;
  /** Mermaid diagrams drawn for this bundle (bundleDiagrams); without them diagrams print as code. */
  diagrams?: ReadonlyMap<string, DiagramResult>;
}

export interface BundleHtml {
  html: string;
  title: string;
  /** The contents page's entries; none when the bundle prints without one. */
  contents: TocHeading[];
  /** The source of every Mermaid diagram the bundle prints. */
  diagramSources: string[];
}

const typeNames: Record<string, string> = {
  spec: 'Spec',
  story: 'User story',
  faq: 'FAQ',
  feedback: 'Feedback note',
  doc: 'Document',
};
/** A bundle of one document with fewer sections than this has no contents page. */
const shortDocumentSections = 3;
/**
 * Properties the properties table leaves out: the title and type, printed above it, and settings other
 * tools read to display a note, which say nothing to a reader: Obsidian's `cssclasses`/`cssclass`
 * (styling), `aliases`/`alias` (other names to link by) and Obsidian Publish's `publish`/`permalink`.
 */
const hiddenFields: ReadonlySet<string> = new Set([
  'title',
  'type',
  'cssclasses',
  'cssclass',
  'aliases',
  'alias',
  'publish',
  'permalink',
]);
/** No scripts, no network: images and fonts are inlined, styles are the bundle's own. */
export const contentSecurityPolicy =
  "default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'";

/** Anchor ids of every key in the bundle: what `[[KEY]]` may link to. */
export function bundleAnchors(bundle: SpecBundle): Map<string, string> {
  const anchors = new Map<string, string>();
  for (const { entry } of bundle.documents) {
    if (entry.key !== undefined) anchors.set(entry.key, `document-${entry.key}`);
    for (const requirement of entry.requirements)
      anchors.set(requirement.key, `requirement-${requirement.key}`);
  }
  for (const item of bundle.roadmap) anchors.set(item.key, `roadmap-${item.key}`);
  return anchors;
}

export function renderBundleHtml(bundle: SpecBundle, options: BundleHtmlOptions): BundleHtml {
  const anchors = bundleAnchors(bundle);
  const diagramSources = new Set<string>();
  const places = new Map<string, BundlePlace>(
    bundle.documents.map(({ entry }, index) => [
      entry.path,
      {
        id: anchors.get(entry.key ?? '') ?? `document-${index + 1}`,
        prefix: `d${index + 1}-`,
        title: entry.title,
        headings: entry.headings,
        blockIds: entry.blockIds,
      },
    ]),
  );
  const context = {
    root: bundle.root,
    places,
    anchors,
    titles: bundle.titles,
    resolveName: bundle.resolveName,
    diagramSources,
    ...(bundle.softBreaks === undefined ? {} : { softBreaks: bundle.softBreaks }),
    ...(options.diagrams === undefined ? {} : { diagrams: options.diagrams }),
  };
  const title = bundleTitle(bundle);
  const contents: TocHeading[] = [];
  const sections: string[] = [];
  const headers: RunningHeader[] = [];
  bundle.documents.forEach((document, index) => {
    const { entry } = document;
    const number = String(index + 1);
    const id = places.get(entry.path)!.id;
    contents.push({ id, number, text: entry.title, level: 1 });
    const body = renderDocumentHtml(documentBody(document), entry.path, number, {
      ...context,
      title: entry.title,
    });
    contents.push(...body.headings);
    const kind = `${typeNames[entry.type] ?? 'Document'}${entry.key ? ` · ${escapeHtml(entry.key)}` : ''}`;
    // Each document opens its own named page, so the running header can name it.
    headers.push({ page: `document-${number}`, title: entry.title });
    sections.push(`<article class="document" id="${escapeHtml(id)}" data-page="document-${number}">
<p class="document-kind">${kind}</p>
<h1 dir="auto"><span class="number">${number}</span> ${escapeHtml(entry.title)}</h1>
${propertiesTable(entry.fields, anchors)}
${body.html}</article>`);
  });
  const appendices: [id: string, text: string, render: (number: string) => string][] = [];
  if (bundle.roadmap.length > 0) {
    appendices.push(['appendix-roadmap', 'Roadmap items', (number) => roadmapAppendix(bundle, number)]);
  }
  // Without specs there is nothing to trace: no empty matrix.
  if (bundle.matrix && bundle.documents.some((document) => document.entry.type === 'spec')) {
    appendices.push([
      'appendix-traceability',
      'Traceability matrix',
      (number) => matrixAppendix(bundle, number, anchors),
    ]);
  }
  if (bundle.comments) {
    const comments = bundle.comments;
    appendices.push(['appendix-comments', commentsTitle, (number) => commentsHtml(comments, number)]);
  }
  appendices.forEach(([id, text, render], index) => {
    const number = String(bundle.documents.length + index + 1);
    contents.push({ id, number, text, level: 1 });
    headers.push({ page: `appendix-${number}`, title: text });
    sections.push(render(number));
  });
  // One note, or one short spec, needs no contents page (its PDF bookmarks remain), and prints in one pass.
  const contentsShown =
    bundle.documents.length > 1 ||
    appendices.length > 0 ||
    (!singleDocument(bundle) &&
      contents.filter((heading) => heading.level === 2).length >= shortDocumentSections);
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${exportFontFaces()}
${bundleStyles}
${runningHeaderStyles({ workspaceName: bundle.workspaceName, bundleTitle: title, sections: headers })}</style>
</head>
<body>
${coverHtml(bundle, title, options)}
${contentsShown ? contentsList(contents, options) : ''}
${sections.join('\n')}
</body>
</html>
`;
  return { html, title, contents: contentsShown ? contents : [], diagramSources: [...diagramSources] };
}

function contentsList(contents: TocHeading[], options: BundleHtmlOptions): string {
  const print = options.print === true || options.pages !== undefined;
  const items = contents.map((heading) => {
    const page = print
      ? `<span class="leader"></span><span class="page">${options.pages?.get(heading.id) ?? ''}</span>`
      : '';
    return `<li class="level-${heading.level}"><a href="#${escapeHtml(heading.id)}"><span class="number">${heading.number}</span><span class="title" dir="auto">${escapeHtml(heading.text)}</span>${page}</a></li>`;
  });
  return `<nav class="contents" aria-label="Contents">\n<h2>Contents</h2>\n<ol>\n${items.join('\n')}\n</ol>\n</nav>`;
}

function propertiesTable(fields: Record<string, unknown>, anchors: ReadonlyMap<string, string>): string {
  const rows = Object.entries(fields)
    .filter(
      ([name, value]) => !hiddenFields.has(name) && value !== null && value !== undefined && value !== '',
    )
    .map(
      ([name, value]) =>
        `<tr><th scope="row">${escapeHtml(fieldName(name))}</th><td>${fieldValue(value, name === 'key' ? new Map() : anchors)}</td></tr>`,
    );
  return rows.length === 0 ? '' : `<table class="properties"><tbody>${rows.join('')}</tbody></table>`;
}

function fieldName(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1).replace(/[_-]/g, ' ');
}

/** A front matter value as a reader expects it: keys linked, web addresses clickable, dates as dates, maps as lists. */
export function fieldValue(value: unknown, anchors: ReadonlyMap<string, string>): string {
  if (Array.isArray(value)) return value.map((item) => fieldValue(item, anchors)).join(', ');
  if (typeof value === 'string' && anchors.has(value)) return keyLink(value, value, { anchors });
  if (value instanceof Date) return escapeHtml(dateText(value.toISOString()));
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).filter(
      ([, item]) => item !== null && item !== undefined,
    );
    return `<ul class="field-map">${entries
      .map(
        ([name, item]) =>
          `<li><span class="field-key">${escapeHtml(name)}:</span> ${fieldValue(item, anchors)}</li>`,
      )
      .join('')}</ul>`;
  }
  const text = String(value);
  const href = /^(?:https?:\/\/|mailto:)\S+$/i.test(text) ? safeHref(text) : undefined;
  if (href !== undefined) return `<a${attributes({ href, class: 'external' })}>${escapeHtml(text)}</a>`;
  return escapeHtml(dateText(text));
}

/** A date that passed through JSON (`2018-12-21T00:00:00.000Z`) is printed as the day it names. */
function dateText(text: string): string {
  return /^\d{4}-\d{2}-\d{2}T00:00:00(?:\.000)?Z$/.test(text) ? text.slice(0, 10) : text;
}

function roadmapAppendix(bundle: SpecBundle, number: string): string {
  const rows = bundle.roadmap.map((item) => {
    const rice = item.rice
      ? `<strong>${riceScore(item.rice)}</strong><br><small>${item.rice.reach} × ${item.rice.impact} × ${item.rice.confidence}% ÷ ${item.rice.effort}</small>`
      : '';
    return `<tr id="roadmap-${escapeHtml(item.key)}"><td class="nowrap"><strong>${escapeHtml(item.key)}</strong></td><td>${escapeHtml(item.title)}${
      item.description ? `<br><small>${escapeHtml(item.description)}</small>` : ''
    }</td><td class="nowrap">${escapeHtml(item.lane)}</td><td class="nowrap">${escapeHtml(item.quarter ?? '')}</td><td class="nowrap">${escapeHtml(item.status.replace(/-/g, ' '))}</td><td class="nowrap">${rice}</td></tr>`;
  });
  return `<section class="appendix" id="appendix-roadmap" data-page="appendix-${number}">
<h1><span class="number">${number}</span> Roadmap items</h1>
<p>The roadmap items the requirements in this bundle deliver. RICE = reach × impact × confidence ÷ effort.</p>
<table><thead><tr><th>Key</th><th>Item</th><th>Lane</th><th>Quarter</th><th>Status</th><th>RICE</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
</section>`;
}

function matrixAppendix(bundle: SpecBundle, number: string, anchors: ReadonlyMap<string, string>): string {
  const link = (key: string): string => keyLink(key, key, { anchors });
  const rows = (bundle.matrix ?? []).map(
    (row) =>
      `<tr><td>${link(row.requirement)}</td><td>${escapeHtml(row.summary)}</td><td>${link(row.spec)}</td><td>${escapeHtml(
        row.priority ?? '',
      )}</td><td>${escapeHtml(row.status ?? '—')}</td><td>${row.roadmap.map(link).join(', ') || '—'}</td><td>${escapeHtml(
        row.lanes.join(', ') || '—',
      )}</td><td>${row.stories.map(link).join(', ') || '—'}</td></tr>`,
  );
  return `<section class="appendix" id="appendix-traceability" data-page="appendix-${number}">
<h1><span class="number">${number}</span> Traceability matrix</h1>
<p>Each requirement, the roadmap items it delivers and the user stories that implement it.</p>
<table><thead><tr><th>Requirement</th><th>Summary</th><th>Spec</th><th>Priority</th><th>Status</th><th>Roadmap</th><th>Lane</th><th>Stories</th></tr></thead>
<tbody>${rows.join('\n') || '<tr><td colspan="8">The specs in this bundle have no requirements.</td></tr>'}</tbody></table>
</section>`;
}
