/**
 * What the app's lists, pickers and lookups need of each document, without sections, headings,
 * references or front matter: 11.8 MB instead of 20.4 MB for the 10,000-document reference workspace
 * (requirement titles are 5 MB of it).
 */
import type { DocumentEntry, RequirementEntry } from '../model/documentModel.js';

/** A requirement's key, place, title and roadmap fields: as the engine indexed them, without its section and end. */
export type RequirementSummary = Pick<
  RequirementEntry,
  'key' | 'line' | 'summary' | 'roadmap' | 'priority' | 'status' | 'fingerprint'
>;

/** Those of a document's indexed fields the lists need, its requirements summarized, and its estimate. */
export interface DocumentSummary extends Pick<
  DocumentEntry,
  | 'path'
  | 'key'
  | 'type'
  | 'title'
  | 'status'
  | 'owner'
  | 'implements'
  | 'answers'
  | 'about'
  | 'depends'
  | 'design'
  | 'evidence'
  | 'mtimeMs'
  | 'problem'
> {
  requirements: RequirementSummary[];
  /** A story's estimate in points, when its front matter has a number. */
  estimate?: number;
  /** A spec's success metrics, when it has any. */
  metrics?: DocumentEntry['metrics'];
  /** Other names for `[[…]]` links (front matter `aliases`), when there are any. */
  aliases?: string[];
  /** Front matter and inline tags, when there are any. */
  tags?: string[];
}

export function summarizeDocument(entry: DocumentEntry): DocumentSummary {
  const summary: DocumentSummary = {
    path: entry.path,
    type: entry.type,
    title: entry.title,
    implements: entry.implements,
    answers: entry.answers,
    about: entry.about,
    requirements: entry.requirements.map((requirement) => {
      const item: RequirementSummary = {
        key: requirement.key,
        line: requirement.line,
        summary: requirement.summary,
        roadmap: requirement.roadmap,
      };
      if (requirement.priority !== undefined) item.priority = requirement.priority;
      if (requirement.status !== undefined) item.status = requirement.status;
      if (requirement.fingerprint !== undefined) item.fingerprint = requirement.fingerprint;
      return item;
    }),
    mtimeMs: entry.mtimeMs,
  };
  if (entry.key !== undefined) summary.key = entry.key;
  if (entry.status !== undefined) summary.status = entry.status;
  if (entry.owner !== undefined) summary.owner = entry.owner;
  if (typeof entry.fields.estimate === 'number') summary.estimate = entry.fields.estimate;
  if (entry.problem !== undefined) summary.problem = entry.problem;
  if (entry.evidence !== undefined) summary.evidence = entry.evidence;
  if (entry.metrics.length > 0) summary.metrics = entry.metrics;
  if (entry.aliases.length > 0) summary.aliases = entry.aliases;
  if (entry.tags.length > 0) summary.tags = entry.tags;
  if (entry.depends !== undefined) summary.depends = entry.depends;
  if (entry.design !== undefined) summary.design = entry.design;
  return summary;
}
