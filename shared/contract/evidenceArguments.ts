/**
 * What the contract's evidence and release methods take and answer: feedback imports with their
 * preview, triage of a note, releases and their notes. Kept beside apiContract.ts, which lists them.
 */
import { z } from 'zod';
import { feedbackSources } from '../model/documentModel.js';
import { releaseSchema } from '../model/roadmapModel.js';
import { csvByteLimit } from '../import/csvLimits.js';
import type { RefusedAddress } from '../import/refusedAddress.js';
import type { RepeatedRow } from '../import/repeatedRows.js';
import { feedbackFields, type FeedbackField } from '../import/feedbackFields.js';

const keyArgument = z
  .string()
  .regex(/^[A-Z][A-Z0-9]*-[0-9]+$/)
  .max(64);
/** A CSV is at most 10 MB, so its base64 at most about 14 MB. */
const csvBase64 = z.string().max(Math.ceil((csvByteLimit * 4) / 3) + 4);

export const importFeedbackArguments = z
  .object({
    /** The CSV's bytes, so the server judges its encoding as the CLI does. */
    base64: csvBase64,
    fileName: z.string().min(1).max(255),
    /** `COLUMN=FIELD`, as the CLI's --map. */
    map: z.array(z.string().max(600)).max(feedbackFields.length).optional(),
    source: z.enum(feedbackSources).optional(),
    dryRun: z.boolean(),
  })
  .strict();

/** One note an import writes (or, in a dry run, would write), as the preview lists it. */
export interface FeedbackNotePreview {
  key: string;
  path: string;
  title: string;
  customer?: string;
  source?: string;
  date?: string;
  url?: string;
  /** The row's address the note leaves out, and why. */
  refusedAddress?: RefusedAddress;
  /** The quote as the roadmap will show it. */
  quote: string;
  /** The file line of its row. */
  line: number;
}

/** What an import did, or would do: the notes, what was left out, and how the columns were read. */
export interface FeedbackImportView {
  written: boolean;
  notes: FeedbackNotePreview[];
  alreadyImported: number;
  /** Rows that repeat an earlier row of the file, each with the line of that row. */
  repeated: RepeatedRow[];
  empty: number;
  header: string[];
  /** Field → the header of the column it is read from. */
  columns: Partial<Record<FeedbackField, string>>;
  /** A dry run's answer when no column holds the text: why, so the preview asks which one does. */
  missingText?: string;
}

export const triageFeedbackArguments = z
  .object({
    path: z.string().min(1).max(1024),
    /**
     * Keys to add to what the note is evidence for, kept with what its file lists now: a change, not
     * the whole list, so a second window's older copy of the note cannot drop a link made in the first.
     */
    link: z.array(keyArgument).max(100).optional(),
    /** Takes it out of the inbox, linked or not. */
    archive: z.boolean().optional(),
  })
  .strict();

const { key: _key, status, items, summary, date, ...plainReleaseFields } = releaseSchema.shape;
export const createReleaseArguments = z
  .object({
    ...plainReleaseFields,
    date: date,
    status: status.unwrap().optional(),
    items: items.unwrap().optional(),
    summary,
  })
  .strict();
/** `null` removes an optional field, as in a roadmap patch. */
export const releasePatchSchema = z
  .object({
    ...plainReleaseFields,
    date: date.unwrap().nullable(),
    summary: summary.unwrap().nullable(),
    status: status.unwrap(),
    items: items.unwrap(),
  })
  .partial()
  .strict();

export const releaseNotesArguments = z
  .object({ key: keyArgument, audience: z.enum(['customers', 'internal']), format: z.enum(['md', 'html']) })
  .strict();

export interface ReleaseNotesView {
  fileName: string;
  mediaType: string;
  text: string;
}
