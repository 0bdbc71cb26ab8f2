/**
 * A bundle's first page. With specs it is a review cover: their keys, owners and approvals. Without
 * any (a note, an RFC, a design doc exported as it is) it reads as the document: its title, where it
 * comes from, the date; no empty key table and no approvals that were never asked for. One such
 * document gets no cover page at all: a short header block above it, on its first page.
 */
import { approvalsOf, documentFingerprint } from '../../shared/model/signOff.js';
import type { DocumentEntry } from '../../shared/model/documentModel.js';
import { escapeHtml } from './htmlSanitizer.js';
import type { SpecBundle } from './specBundle.js';

/** What the cover counts, in this order, singular and plural. */
const kinds: [type: string, singular: string, plural: string][] = [
  ['spec', 'spec', 'specs'],
  ['story', 'user story', 'user stories'],
  ['faq', 'FAQ', 'FAQs'],
  ['feedback', 'feedback note', 'feedback notes'],
  ['doc', 'document', 'documents'],
];

/** One spec's title; several specs; one document's title; several documents. */
export function bundleTitle(bundle: SpecBundle): string {
  const specs = bundle.documents.filter((document) => document.entry.type === 'spec');
  if (specs.length === 1) return specs[0]!.entry.title;
  if (specs.length > 1) return `${bundle.workspaceName} specifications`;
  if (bundle.documents.length === 1) return bundle.documents[0]!.entry.title;
  return `${bundle.workspaceName} documents`;
}

/** The one document a bundle without specs holds, which prints under a header block instead of a cover. */
export function singleDocument(bundle: SpecBundle): SpecBundle['documents'][number] | undefined {
  const [only, ...others] = bundle.documents;
  return only && others.length === 0 && only.entry.type !== 'spec' ? only : undefined;
}

export function coverHtml(
  bundle: SpecBundle,
  title: string,
  options: { date: Date; version?: string },
): string {
  const specs = bundle.documents.filter((document) => document.entry.type === 'spec');
  const date = options.date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  const single = singleDocument(bundle);
  const review =
    specs.length === 0
      ? ''
      : `<div class="subtitle">Specification bundle for review and sign-off</div>
<div class="band"></div>
${specTable(specs.map((document) => document.entry))}
${approvalsTable(
  specs.map((document) => document.entry),
  bundle.approvalChanges,
)}`;
  const includes = single
    ? `<dt>File</dt><dd>${escapeHtml(single.entry.path)}</dd>`
    : `<dt>Includes</dt><dd>${escapeHtml(counts(bundle))}</dd>`;
  const meta = `<dl class="meta">
<dt>Date</dt><dd>${escapeHtml(date)}</dd>
<dt>Version</dt><dd>${escapeHtml(options.version ?? 'not under version control')}</dd>
${includes}
</dl>`;
  // On the document's own first page (its named page), so nothing forces a break before the document.
  if (single) {
    return `<header class="cover cover-single" data-page="document-1">
<div class="workspace">${escapeHtml(bundle.workspaceName)}</div>
${meta}
</header>`;
  }
  return `<section class="cover${specs.length === 0 ? ' cover-document' : ''}">
<div class="workspace">${escapeHtml(bundle.workspaceName)}</div>
<h1 dir="auto">${escapeHtml(title)}</h1>
${review || '<div class="band"></div>'}
${meta}
</section>`;
}

/** `1 spec, 3 user stories, 0 FAQs, 2 documents`: beyond a spec bundle's three, only the kinds it holds. */
function counts(bundle: SpecBundle): string {
  const hasSpecs = bundle.documents.some((document) => document.entry.type === 'spec');
  return kinds
    .map(([type, singular, plural]) => {
      const count = bundle.documents.filter((document) => document.entry.type === type).length;
      // A spec bundle says how many stories and FAQs it holds, none included.
      const always = hasSpecs && (type === 'spec' || type === 'story' || type === 'faq');
      return count === 0 && !always ? '' : `${count} ${count === 1 ? singular : plural}`;
    })
    .filter(Boolean)
    .join(', ');
}

function specTable(specs: DocumentEntry[]): string {
  const rows = specs
    .map(
      (entry) =>
        `<tr><td>${escapeHtml(entry.key ?? '')}</td><td>${escapeHtml(entry.title)}</td><td>${escapeHtml(entry.status ?? '')}</td><td>${escapeHtml(entry.owner ?? '')}</td></tr>`,
    )
    .join('');
  return `<table><thead><tr><th>Key</th><th>Title</th><th>Status</th><th>Owner</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** Who approved each spec and when, and whether its requirements changed since (from `approvals:`). */
function approvalsTable(specs: DocumentEntry[], changes?: ReadonlyMap<string, readonly string[]>): string {
  const fingerprints = new Map(specs.map((entry) => [entry, documentFingerprint(entry)]));
  const rows = specs.flatMap((entry) =>
    approvalsOf(entry.fields).map((approval, index) => {
      const who = approval.email ? `${approval.by} <${approval.email}>` : approval.by;
      const state = approvalStateText(
        approval.fingerprint === fingerprints.get(entry),
        changes?.get(entry.path)?.[index],
      );
      // A key or a date cut in two ("SPEC-" / "1", "2026-11-" / "20") reads as two values.
      return `<tr><td class="unbroken">${escapeHtml(entry.key ?? '')}</td><td>${escapeHtml(who)}</td><td class="unbroken">${escapeHtml(approval.at.slice(0, 10))}</td><td>${escapeHtml(state)}</td></tr>`;
    }),
  );
  if (rows.length === 0) return '<p class="approvals">No approvals recorded.</p>';
  return `<table class="approvals"><caption>Approvals</caption><thead><tr><th>Spec</th><th>Approved by</th><th>Date</th><th>Requirements</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** `current`, or `changed since approval: REQ-2 reworded; REQ-9 added` (that approval's own list). */
export function approvalStateText(current: boolean, changed: string | undefined): string {
  if (current) return 'current';
  return changed ? `changed since approval: ${changed}` : 'changed since approval';
}
