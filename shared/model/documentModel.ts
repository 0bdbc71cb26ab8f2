/** What the engine knows about each document, shared by the rules, the CLI and the renderer. */
import type { FrontMatterError } from '../frontMatter/frontMatter.js';
import type { ScannedHeading, ScannedReference } from '../grammar/markdownScanner.js';

export const documentTypes = ['spec', 'story', 'faq'] as const;
/** `doc` is any other Markdown in the folder: shown and searchable, never rewritten unasked. */
export type DocumentType = (typeof documentTypes)[number] | 'doc';

export const documentStatuses: Record<DocumentType, readonly string[]> = {
  spec: ['draft', 'review', 'approved', 'shipped', 'archived'],
  story: ['idea', 'ready', 'in-progress', 'done'],
  faq: ['draft', 'review', 'published'],
  doc: [],
};

/** Folders each document type lives in by default. */
export const documentFolders: Record<Exclude<DocumentType, 'doc'>, string> = {
  spec: 'specs',
  story: 'stories',
  faq: 'faqs',
};

export interface RequirementEntry {
  key: string;
  priority?: string;
  status?: string;
  roadmap: string[];
  /** 1-based lines of the opening and closing fences, in the file. */
  line: number;
  endLine: number;
  /** The requirement's first line of text, for lists and pickers. */
  summary: string;
  /** The heading the requirement sits under, if any. */
  section?: string;
}

/** A heading's section, summarized for the rules (empty sections, acceptance criteria). */
export interface SectionSummary {
  title: string;
  level: number;
  /** 1-based file line of the heading. */
  line: number;
  /** Words of content up to the next heading of the same or a higher level, HTML comments excluded. */
  words: number;
  /** List and task items in that content. */
  items: number;
}

export interface DocumentEntry {
  /** Workspace-relative path with forward slashes, e.g. `specs/guest-checkout.md`. */
  path: string;
  key?: string;
  type: DocumentType;
  title: string;
  status?: string;
  owner?: string;
  /** Requirement keys this story implements (front matter `implements`). */
  implements: string[];
  /** Spec keys this FAQ answers questions about (front matter `answers`). */
  answers: string[];
  /** All front-matter fields, as parsed. */
  fields: Record<string, unknown>;
  /** Headings with 1-based file lines. */
  headings: ScannedHeading[];
  sections: SectionSummary[];
  requirements: RequirementEntry[];
  /** `[[KEY]]` references with 1-based file lines. */
  references: ScannedReference[];
  /** 1-based line in the file where the Markdown body starts (after front matter). */
  bodyLine: number;
  /** Set when the file could not be read or its front matter is malformed. */
  problem?: FrontMatterError;
  size: number;
  mtimeMs: number;
  /** Content hash (hex) of the bytes indexed. */
  hash: string;
}
