/**
 * Feedback rows become notes in `feedback/`, all in one commit or none: rows already imported (their
 * hash is in a note's `importHash`) and rows repeated within the file are left out, each new note
 * gets the next free FB key and a file name from its title that clobbers nothing.
 */
import { setFrontMatterFields } from '../../shared/frontMatter/frontMatter.js';
import { feedbackQuote } from '../../shared/grammar/feedbackQuote.js';
import { documentFolders, type DocumentEntry } from '../../shared/model/documentModel.js';
import { nextKey } from '../../shared/model/keys.js';
import type { FeedbackNotePreview } from '../../shared/contract/evidenceArguments.js';
import type { RepeatedRow } from '../../shared/import/repeatedRows.js';
import { escapeBlockStarts, escapeMarkdownText } from '../../shared/markdown/markdownText.js';
import type { FeedbackRow } from '../import/feedbackRows.js';
import type { DocumentStore, SaveAllResult } from './documentStore.js';
import { slugify } from './workspacePaths.js';

/** A note the import writes (or, in a dry run, would write). */
export interface PlannedNote extends FeedbackNotePreview {
  /** The note's whole file. */
  text: string;
}

export interface FeedbackImportPlan {
  notes: PlannedNote[];
  /** Rows whose hash an existing note carries. */
  alreadyImported: number;
  /** Rows that repeat an earlier row of the same file, with the line of that row. */
  repeated: RepeatedRow[];
}

export function planFeedbackImport(
  rows: readonly FeedbackRow[],
  documents: readonly DocumentEntry[],
  keys: Iterable<string>,
  prefix: string,
): FeedbackImportPlan {
  const imported = new Set<string>();
  const paths = new Set<string>();
  for (const document of documents) {
    paths.add(document.path.toLowerCase());
    const hash = document.fields.importHash;
    if (typeof hash === 'string') imported.add(hash);
  }
  const usedKeys = [...keys];
  const firstLines = new Map<string, number>();
  const plan: FeedbackImportPlan = { notes: [], alreadyImported: 0, repeated: [] };
  for (const row of rows) {
    // A row repeated in the file is a duplicate within it, whether or not its first copy was imported before.
    const sameAs = firstLines.get(row.hash);
    if (sameAs !== undefined) {
      plan.repeated.push({ line: row.line, sameAs });
      continue;
    }
    firstLines.set(row.hash, row.line);
    if (imported.has(row.hash)) {
      plan.alreadyImported++;
      continue;
    }
    const key = nextKey(prefix, usedKeys);
    usedKeys.push(key);
    const notePath = freePath(slugify(row.title) || key.toLowerCase(), paths);
    const text = noteText(key, row);
    const note: PlannedNote = {
      key,
      path: notePath,
      title: row.title,
      quote: feedbackQuote(text.slice(text.indexOf('\n---\n') + 5).split('\n')),
      line: row.line,
      text,
    };
    if (row.customer !== undefined) note.customer = row.customer;
    if (row.source !== undefined) note.source = row.source;
    if (row.date !== undefined) note.date = row.date;
    if (row.url !== undefined) note.url = row.url;
    if (row.refusedAddress !== undefined) note.refusedAddress = row.refusedAddress;
    plan.notes.push(note);
  }
  return plan;
}

/** Writes every planned note in one commit: all land, or none. */
export function writeFeedbackNotes(store: DocumentStore, plan: FeedbackImportPlan): Promise<SaveAllResult> {
  return store.saveAll(plan.notes.map((note) => ({ path: note.path, text: note.text, expected: undefined })));
}

/** The note's file: front matter, then the row's text as Markdown that reads back as that text. */
function noteText(key: string, row: FeedbackRow): string {
  const frontMatter = setFrontMatterFields(undefined, {
    key,
    type: 'feedback',
    title: row.title,
    status: 'new',
    source: row.source,
    customer: row.customer,
    segment: row.segment,
    date: row.date,
    url: row.url,
    about: row.about,
    importHash: row.hash,
  });
  const paragraphs = row.text
    .split(/\n[ \t]*\n+/)
    .map((paragraph) =>
      escapeBlockStarts(
        paragraph
          .split('\n')
          .map((line) => escapeMarkdownText(line.trim()))
          .join('\n'),
      ),
    )
    .filter((paragraph) => paragraph !== '');
  return `${frontMatter}${paragraphs.join('\n\n')}\n`;
}

/** `feedback/<slug>.md`, or `-2`, `-3`… when a file (any case) has the name. */
function freePath(slug: string, taken: Set<string>): string {
  for (let attempt = 1; ; attempt++) {
    const candidate = `${documentFolders.feedback}/${attempt === 1 ? slug : `${slug}-${attempt}`}.md`;
    if (!taken.has(candidate.toLowerCase())) {
      taken.add(candidate.toLowerCase());
      return candidate;
    }
  }
}
