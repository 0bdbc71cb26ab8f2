/** What the engine knows about each document, shared by the rules, the CLI and the renderer. */
import type { DesignLink } from './designLinks.js';
import type { FrontMatterError } from '../frontMatter/frontMatter.js';
import type { ScannedHeading, ScannedNameLink, ScannedReference } from '../grammar/markdownScanner.js';

export const documentTypes = ['spec', 'story', 'faq', 'feedback'] as const;
/** `doc` is any other Markdown in the folder: shown and searchable, never rewritten unasked. */
export type DocumentType = (typeof documentTypes)[number] | 'doc';

export const documentStatuses: Record<DocumentType, readonly string[]> = {
  spec: ['draft', 'review', 'approved', 'shipped', 'archived'],
  story: ['idea', 'ready', 'in-progress', 'done'],
  faq: ['draft', 'review', 'published'],
  /** A note is in the inbox while it has no `about`; `archived` takes it out without linking it. */
  feedback: ['new', 'triaged', 'archived'],
  doc: [],
};

/** Where a piece of evidence came from; each has its own template. */
export const feedbackSources = ['interview', 'support', 'sales', 'survey', 'review'] as const;
export type FeedbackSource = (typeof feedbackSources)[number];

/** Folders each document type lives in by default. */
export const documentFolders: Record<Exclude<DocumentType, 'doc'>, string> = {
  spec: 'specs',
  story: 'stories',
  faq: 'faqs',
  feedback: 'feedback',
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
  /** Fingerprint of its text (`requirementFingerprint`): what a story's `reviewed:` stamp records; set by the indexer. */
  fingerprint?: string;
  /** The heading the requirement sits under, if any. */
  section?: string;
}

/** One item under a story's "Acceptance criteria" heading. */
export interface CriterionEntry {
  /** 1-based file line of the list item. */
  line: number;
  /** The item's text without its marker and checkbox, continuation lines joined by spaces. */
  text: string;
  /** `- [x]`; absent for a plain list item. */
  done?: boolean;
}

/** One row of a spec's "Success metrics" table; cells as written, trimmed. */
export interface MetricEntry {
  /** 1-based file line of the row. */
  line: number;
  metric: string;
  baseline?: string;
  target: string;
  actual: string;
}

/** What a feedback note says about the evidence it holds (front matter, and the start of its body). */
export interface EvidenceEntry {
  customer?: string;
  segment?: string;
  source?: string;
  /** `YYYY-MM-DD` as written. */
  date?: string;
  url?: string;
  /** The first paragraph of the body as plain text, at most 400 characters. */
  quote: string;
}

/**
 * A heading's section, summarized for the rules (empty sections, acceptance criteria, template
 * examples left in). Text before the first heading, when it holds words, is a section too: title
 * `''`, level 0, on the body's first line.
 */
export interface SectionSummary {
  title: string;
  level: number;
  /** 1-based file line of the heading. */
  line: number;
  /** Words of content up to the next heading of the same or a higher level, HTML comments excluded. */
  words: number;
  /** List and task items in that content. */
  items: number;
  /** For a short section with words (subheadings' included), their `contentFingerprint`, to compare with a template's example. */
  fingerprint?: string;
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
  /** Keys (roadmap items, requirements) this feedback note is evidence for (front matter `about`). */
  about: string[];
  /** Keys (stories, requirements) this story waits for (front matter `depends`), when it lists any. */
  depends?: string[];
  /** Design links (front matter `design`: URLs or Markdown links), when there are any. */
  design?: DesignLink[];
  /** A story's acceptance criteria. */
  criteria: CriterionEntry[];
  /** A spec's success metrics. */
  metrics: MetricEntry[];
  /** Set for feedback notes. */
  evidence?: EvidenceEntry;
  /** All front-matter fields, as parsed. */
  fields: Record<string, unknown>;
  /** Headings with 1-based file lines. */
  headings: ScannedHeading[];
  sections: SectionSummary[];
  requirements: RequirementEntry[];
  /** `[[KEY]]` references with 1-based file lines. */
  references: ScannedReference[];
  /** Links by name (`[[Note]]`, `![[image.png]]`, `[text](other.md#h)`) with 1-based file lines. */
  nameLinks: ScannedNameLink[];
  /** Other names this document answers to in `[[…]]` (front matter `aliases`). */
  aliases: string[];
  /** Front matter `tags` and inline `#tags`, each once, without `#`. */
  tags: string[];
  /** Obsidian block ids (`^id`) that `[[Note#^id]]` can point at. */
  blockIds: string[];
  /** HTML anchors (`<span id="7">`, `<a name="x">`) that `[[Note#7]]` and `[x](note.md#7)` can point at. */
  htmlAnchors: string[];
  /** 1-based line in the file where the Markdown body starts (after front matter). */
  bodyLine: number;
  /** Set when the file could not be read or its front matter is malformed. */
  problem?: FrontMatterError;
  /** Set when the file holds git's conflict markers: its other findings wait until it is resolved. */
  conflicted?: true;
  size: number;
  mtimeMs: number;
  /** Content hash (hex) of the bytes indexed. */
  hash: string;
}
