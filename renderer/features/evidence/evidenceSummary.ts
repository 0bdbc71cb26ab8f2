/**
 * Feedback notes as evidence: which notes back each roadmap item or requirement (a note about a
 * requirement backs the items that requirement delivers), the inbox of notes still untriaged, and
 * the inbox's filters. Pure, so it is unit-tested.
 */
import type { DocumentSummary } from '../../../shared/contract/documentSummary.js';
import type { RoadmapItem } from '../../../shared/model/roadmapModel.js';

export interface EvidenceSummary {
  /** Newest first (by the note's date, undated last). */
  notes: DocumentSummary[];
  /** Distinct customers, as first written, in the order of `notes`. */
  customers: string[];
}

const noEvidence: EvidenceSummary = { notes: [], customers: [] };

function newestFirst(left: DocumentSummary, right: DocumentSummary): number {
  const byDate = (right.evidence?.date ?? '').localeCompare(left.evidence?.date ?? '');
  return byDate || left.title.localeCompare(right.title);
}

function summaryOf(notes: Iterable<DocumentSummary>): EvidenceSummary {
  const sorted = [...notes].sort(newestFirst);
  const seen = new Map<string, string>();
  for (const note of sorted) {
    const customer = note.evidence?.customer?.trim();
    if (customer && !seen.has(customer.toLowerCase())) seen.set(customer.toLowerCase(), customer);
  }
  return { notes: sorted, customers: [...seen.values()] };
}

/** Evidence per key: roadmap items (directly, or through their requirements) and requirements. */
export function evidenceByKey(documents: readonly DocumentSummary[]): ReadonlyMap<string, EvidenceSummary> {
  const itemsOfRequirement = new Map<string, string[]>();
  for (const document of documents) {
    for (const requirement of document.requirements) {
      itemsOfRequirement.set(requirement.key, requirement.roadmap);
    }
  }
  const notesByKey = new Map<string, Set<DocumentSummary>>();
  const add = (key: string, note: DocumentSummary) => {
    const notes = notesByKey.get(key) ?? new Set();
    notes.add(note);
    notesByKey.set(key, notes);
  };
  for (const note of documents) {
    if (note.type !== 'feedback' || note.status === 'archived') continue;
    for (const key of note.about) {
      add(key, note);
      for (const item of itemsOfRequirement.get(key) ?? []) add(item, note);
    }
  }
  return new Map([...notesByKey].map(([key, notes]) => [key, summaryOf(notes)]));
}

export function evidenceOf(byKey: ReadonlyMap<string, EvidenceSummary>, key: string): EvidenceSummary {
  return byKey.get(key) ?? noEvidence;
}

/** "3 notes from 2 customers". */
export function evidenceCount(evidence: EvidenceSummary): string {
  const notes = evidence.notes.length;
  const customers = evidence.customers.length;
  const noteWord = `${notes} ${notes === 1 ? 'note' : 'notes'}`;
  return customers === 0
    ? noteWord
    : `${noteWord} from ${customers} ${customers === 1 ? 'customer' : 'customers'}`;
}

export interface FeedbackFilter {
  /** `inbox`: untriaged notes only (no `about`, not archived). */
  scope: 'inbox' | 'all';
  source?: string;
  segment?: string;
  customer?: string;
}

export function isUntriaged(note: DocumentSummary): boolean {
  return note.type === 'feedback' && note.about.length === 0 && note.status !== 'archived';
}

export function filterFeedback(
  documents: readonly DocumentSummary[],
  filter: FeedbackFilter,
): DocumentSummary[] {
  return documents
    .filter(
      (note) =>
        note.type === 'feedback' &&
        (filter.scope === 'all' || isUntriaged(note)) &&
        (filter.source === undefined || note.evidence?.source === filter.source) &&
        (filter.segment === undefined || note.evidence?.segment === filter.segment) &&
        (filter.customer === undefined || note.evidence?.customer === filter.customer),
    )
    .sort(newestFirst);
}

/** The values a field takes across the notes, sorted, for a filter's options. */
export function feedbackValues(
  documents: readonly DocumentSummary[],
  field: 'source' | 'segment' | 'customer',
): string[] {
  const values = new Set<string>();
  for (const note of documents) {
    const value = note.type === 'feedback' ? note.evidence?.[field] : undefined;
    if (value) values.add(value);
  }
  return [...values].sort((left, right) => left.localeCompare(right));
}

export interface LinkTarget {
  key: string;
  title: string;
  kind: 'roadmap item' | 'requirement';
}

/** What a note can be evidence for: roadmap items, then requirements. */
export function linkTargets(
  roadmap: readonly RoadmapItem[],
  documents: readonly DocumentSummary[],
): LinkTarget[] {
  const items = roadmap.map((item): LinkTarget => ({
    key: item.key,
    title: item.title,
    kind: 'roadmap item',
  }));
  const requirements = documents.flatMap((document) =>
    document.type === 'spec'
      ? document.requirements.map((requirement): LinkTarget => ({
          key: requirement.key,
          title: requirement.summary,
          kind: 'requirement',
        }))
      : [],
  );
  return [...items, ...requirements];
}

/** Targets whose key or title holds every word of the query, keys matching from their start first. */
export function matchTargets(targets: readonly LinkTarget[], query: string, limit = 50): LinkTarget[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matched = targets.filter((target) => {
    const text = `${target.key} ${target.title}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
  const first = words[0];
  const keyFirst = first
    ? [
        ...matched.filter((target) => target.key.toLowerCase().startsWith(first)),
        ...matched.filter((target) => !target.key.toLowerCase().startsWith(first)),
      ]
    : matched;
  return keyFirst.slice(0, limit);
}

/**
 * A note whose title is the first words of its quote (the import titles a row by its first
 * sentence): the quote split after those words, so a card can show them once, as its link;
 * `lead + rest` is the quote as written.
 */
export function titleLeadOf(title: string, quote: string): { lead: string; rest: string } | undefined {
  const words = title.replace(/…$/, '').trim();
  if (words === '') return undefined;
  let matched = 0;
  let at = 0;
  const wanted = words.replace(/\s+/g, ' ').toLowerCase();
  // Walk the quote, reading any run of whitespace as one space, until the title's words are matched.
  while (matched < wanted.length && at < quote.length) {
    const character = quote[at]!;
    if (/\s/.test(character)) {
      if (wanted[matched] !== ' ') return undefined;
      while (at < quote.length && /\s/.test(quote[at]!)) at++;
      matched++;
      continue;
    }
    if (character.toLowerCase() !== wanted[matched]) return undefined;
    matched++;
    at++;
  }
  if (matched < wanted.length) return undefined;
  // The title drops a sentence's full stop: keep the quote's own punctuation with the words.
  while (at < quote.length && /[.!?…]/.test(quote[at]!)) at++;
  const rest = quote.slice(at);
  if (rest !== '' && !/^\s/.test(rest) && !title.endsWith('…')) return undefined;
  return { lead: quote.slice(0, at), rest: rest.trimEnd() };
}
