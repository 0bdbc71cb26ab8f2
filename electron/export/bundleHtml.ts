/**
 * The whole bundle as one self-contained, sanitised HTML document: cover, contents, each document,
 * and the roadmap and traceability appendices. The PDF is printed from exactly this HTML.
 */
import { riceScore } from '../../shared/model/roadmapModel.js';
import { approvalsOf, documentFingerprint } from '../../shared/model/signOff.js';
import type { DocumentEntry } from '../../shared/model/documentModel.js';
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
  contents: TocHeading[];
  /** The source of every Mermaid diagram the bundle prints. */
  diagramSources: string[];
}

const typeNames: Record<string, string> = { spec: 'Spec', story: 'User story', faq: 'FAQ', doc: 'Document' };
const hiddenFields = new Set(['title', 'type']);
/** No scripts, no network: images and fonts are inlined, styles are the bundle's own. */
export const contentSecurityPolicy =
  "default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'";

export function bundleTitle(bundle: SpecBundle): string {
  const specs = bundle.documents.filter((document) => document.entry.type === 'spec');
  return specs.length === 1 ? specs[0]!.entry.title : `${bundle.workspaceName} specifications`;
}

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
  const context = {
    root: bundle.root,
    anchors,
    titles: bundle.titles,
    resolveName: bundle.resolveName,
    diagramSources,
    ...(options.diagrams === undefined ? {} : { diagrams: options.diagrams }),
  };
  const title = bundleTitle(bundle);
  const contents: TocHeading[] = [];
  const sections: string[] = [];
  const headers: RunningHeader[] = [];
  bundle.documents.forEach((document, index) => {
    const { entry } = document;
    const number = String(index + 1);
    const id = anchors.get(entry.key ?? '') ?? `document-${number}`;
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
  if (bundle.matrix) {
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
${cover(bundle, title, options)}
${contentsList(contents, options)}
${sections.join('\n')}
</body>
</html>
`;
  return { html, title, contents, diagramSources: [...diagramSources] };
}

function cover(bundle: SpecBundle, title: string, options: BundleHtmlOptions): string {
  const specs = bundle.documents.filter((document) => document.entry.type === 'spec');
  const rows = specs
    .map(
      ({ entry }) =>
        `<tr><td>${escapeHtml(entry.key ?? '')}</td><td>${escapeHtml(entry.title)}</td><td>${escapeHtml(entry.status ?? '')}</td><td>${escapeHtml(entry.owner ?? '')}</td></tr>`,
    )
    .join('');
  const counts = [
    plural(specs.length, 'spec'),
    plural(
      bundle.documents.filter((document) => document.entry.type === 'story').length,
      'user story',
      'user stories',
    ),
    plural(bundle.documents.filter((document) => document.entry.type === 'faq').length, 'FAQ'),
  ].join(', ');
  const date = options.date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  return `<section class="cover">
<div class="workspace">${escapeHtml(bundle.workspaceName)}</div>
<h1 dir="auto">${escapeHtml(title)}</h1>
<div class="subtitle">Specification bundle for review and sign-off</div>
<div class="band"></div>
<table><thead><tr><th>Key</th><th>Title</th><th>Status</th><th>Owner</th></tr></thead><tbody>${rows}</tbody></table>
${approvalsTable(
  specs.map((document) => document.entry),
  bundle.approvalChanges,
)}
<dl class="meta">
<dt>Date</dt><dd>${escapeHtml(date)}</dd>
<dt>Version</dt><dd>${escapeHtml(options.version ?? 'not under version control')}</dd>
<dt>Includes</dt><dd>${escapeHtml(counts)}</dd>
</dl>
</section>`;
}

/** Who approved each spec and when, and whether its requirements changed since (from `approvals:`). */
function approvalsTable(specs: DocumentEntry[], changes?: ReadonlyMap<string, string>): string {
  const fingerprints = new Map(specs.map((entry) => [entry, documentFingerprint(entry)]));
  const rows = specs.flatMap((entry) =>
    approvalsOf(entry.fields).map((approval, index, all) => {
      const who = approval.email ? `${approval.by} <${approval.email}>` : approval.by;
      const state = approvalStateText(
        approval.fingerprint === fingerprints.get(entry),
        index === all.length - 1 ? changes?.get(entry.path) : undefined,
      );
      return `<tr><td>${escapeHtml(entry.key ?? '')}</td><td>${escapeHtml(who)}</td><td>${escapeHtml(approval.at.slice(0, 10))}</td><td>${escapeHtml(state)}</td></tr>`;
    }),
  );
  if (rows.length === 0) return '<p class="approvals">No approvals recorded.</p>';
  return `<table class="approvals"><caption>Approvals</caption><thead><tr><th>Spec</th><th>Approved by</th><th>Date</th><th>Requirements</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** `current`, or `changed since approval: REQ-2 reworded; REQ-9 added` (the latest approval's list). */
export function approvalStateText(current: boolean, changed: string | undefined): string {
  if (current) return 'current';
  return changed ? `changed since approval: ${changed}` : 'changed since approval';
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
<tbody>${rows.join('\n')}</tbody></table>
</section>`;
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
