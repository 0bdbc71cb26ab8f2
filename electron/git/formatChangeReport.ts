/** A change report as plain text lines, for the terminal and the Markdown of a bundle's chapter. */
import { readableLines, type ReadableChange } from '../../shared/merge/readableChange.js';
import { rekeyLabel } from '../../shared/merge/rekeyedRequirement.js';
import type { ChangeReport, DocumentChange, FieldChange, RequirementChange } from './changeReport.js';

/** A changed requirement's name: its key, or "REQ-16 → REQ-18 (new key)" when it was given a new one. */
const changedName = (change: RequirementChange) =>
  change.from ? rekeyLabel(change.from, change.key) : change.key;

export function describeValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return '(none)';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function describeFields(fields: FieldChange[]): string {
  return fields
    .map((change) => `${change.field} ${describeValue(change.from)} → ${describeValue(change.to)}`)
    .join('; ');
}

const firstLine = (text: string) =>
  text
    .split('\n')
    .find((line) => line.trim() !== '')
    ?.trim() ?? '';

/** "status review → approved; approved by Dana on 2026-12-01": a document's own status and sign-off. */
export function describeDocumentChange(change: DocumentChange): string {
  const day = (at: string) => (at ? ` on ${at.slice(0, 10)}` : '');
  return [
    ...(change.status
      ? [`status ${describeValue(change.status.from)} → ${describeValue(change.status.to)}`]
      : []),
    ...change.approvals.added.map((approval) => `approved by ${approval.by}${day(approval.at)}`),
    ...change.approvals.removed.map(
      (approval) => `approval by ${approval.by}${day(approval.at)} no longer there`,
    ),
  ].join('; ');
}

/** Said when a report holds nothing. */
const nothingChanged =
  'Nothing changed in requirements, the roadmap, story status, or document status and sign-off.';

export function formatChangeReport(report: ChangeReport): string[] {
  const lines = [`Changes from ${report.from} to ${report.to}`];
  const section = (title: string, rows: string[], count = rows.length) => {
    if (rows.length > 0) lines.push('', `${title} (${count})`, ...rows);
  };
  section(
    'Requirements added',
    report.requirements.added.map((item) => `  ${item.key}  ${item.path}  ${firstLine(item.body)}`),
  );
  section(
    'Requirements changed',
    report.requirements.changed.flatMap((change) => [
      `  ${changedName(change)}  ${change.path}${change.fields.length > 0 ? `  ${describeFields(change.fields)}` : ''}`,
      // Fields are on the line above; the text by words and the criteria follow.
      ...readableLines({ ...change.readable, fields: [] }).map((line) => `      ${line}`),
    ]),
    report.requirements.changed.length,
  );
  section(
    'Requirements removed',
    report.requirements.removed.map((item) => `  ${item.key}  ${item.path}  ${firstLine(item.body)}`),
  );
  section(
    'Roadmap items added',
    report.roadmap.added.map((item) => `  ${item.key}  ${describeValue(item.fields.title)}`),
  );
  section(
    'Roadmap items changed',
    report.roadmap.changed.map((item) => `  ${item.key}  ${item.title}: ${describeFields(item.fields)}`),
  );
  section(
    'Roadmap items removed',
    report.roadmap.removed.map((item) => `  ${item.key}  ${describeValue(item.fields.title)}`),
  );
  section(
    'Stories whose status moved',
    report.stories.map((story) =>
      `  ${story.key}  ${describeValue(story.from)} → ${describeValue(story.to)}  ${story.title ?? ''}`.trimEnd(),
    ),
  );
  section(
    'Documents whose status or sign-off changed',
    report.documents.changed.map(
      (change) =>
        `  ${change.key}  ${change.path}  ${describeDocumentChange(change)}${change.title ? `  ${change.title}` : ''}`,
    ),
  );
  section(
    'Documents added',
    report.documents.added.map((item) => `  ${item.key}  ${item.path}`),
  );
  section(
    'Documents removed',
    report.documents.removed.map((item) => `  ${item.key}  ${item.path}`),
  );
  if (lines.length === 1) lines.push('', nothingChanged);
  return lines;
}

/** Text for inline Markdown, read as written: HTML and Markdown's own characters escaped. */
function inlineText(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]~|#!]/g, (character) => `\\${character}`);
}

/** A change's text by words (`<del>`/`<ins>`, as History and Compare show it) and its criteria, as sub-items. */
export function readableMarkdown(change: ReadableChange): string[] {
  const words = change.texts.map(
    (text) =>
      `  - ${text.what}: ${text.words
        .map((run) => {
          const shown = inlineText(run.text);
          if (!run.change) return shown;
          if (shown.trim() === '') return '';
          // The spaces around a changed run stay outside its tag, so only the words are marked.
          const [, lead = '', words = '', trail = ''] = /^(\s*)(.*?)(\s*)$/.exec(shown) ?? [];
          const tag = run.change === 'added' ? 'ins' : 'del';
          return `${lead}<${tag}>${words}</${tag}>${trail}`;
        })
        .join('')
        .trim()}`,
  );
  return [
    ...words,
    ...change.added.map((part) => `  - added ${part.what}: ${inlineText(part.text)}`),
    ...change.removed.map((part) => `  - removed ${part.what}: <del>${inlineText(part.text)}</del>`),
  ];
}

/** The report as a Markdown chapter for a bundle (`export --changes-since`), each change in words. */
export function changeReportMarkdown(report: ChangeReport): string {
  // The title is the chapter's heading; the body starts with what it covers.
  const lines = ['---', `title: Changes since ${report.from}`, '---'];
  lines.push(
    `What changed in requirements, the roadmap, story status and document status and sign-off from ${report.from} to ${report.to}.`,
    '',
  );
  const section = (title: string, entries: string[][]) => {
    if (entries.length === 0) return;
    lines.push(`## ${title}`, '');
    for (const entry of entries) lines.push(...entry, '');
  };
  section(
    'Requirements added',
    report.requirements.added.map((item) => [`- **${item.key}** (${item.path}): ${firstLine(item.body)}`]),
  );
  section(
    'Requirements changed',
    report.requirements.changed.map((change) => [
      `- **${changedName(change)}** (${change.path})${change.fields.length > 0 ? `: ${describeFields(change.fields)}` : ''}`,
      ...readableMarkdown(change.readable),
    ]),
  );
  section(
    'Requirements removed',
    report.requirements.removed.map((item) => [`- **${item.key}** (${item.path}): ${firstLine(item.body)}`]),
  );
  section(
    'Roadmap items added',
    report.roadmap.added.map((item) => [`- **${item.key}** ${describeValue(item.fields.title)}`]),
  );
  section(
    'Roadmap items changed',
    report.roadmap.changed.map((item) => [`- **${item.key}** ${item.title}: ${describeFields(item.fields)}`]),
  );
  section(
    'Roadmap items removed',
    report.roadmap.removed.map((item) => [`- **${item.key}** ${describeValue(item.fields.title)}`]),
  );
  section(
    'Stories whose status moved',
    report.stories.map((story) => [
      `- **${story.key}** ${story.title ?? ''}: ${describeValue(story.from)} → ${describeValue(story.to)}`,
    ]),
  );
  section(
    'Documents whose status or sign-off changed',
    report.documents.changed.map((change) => [
      `- **${change.key}** ${inlineText(change.title ?? change.path)}: ${inlineText(describeDocumentChange(change))}`,
    ]),
  );
  if (lines.length === 5) lines.push(nothingChanged, '');
  return lines.join('\n');
}
