/**
 * What the app's lists, pickers and lookups need of each document, without sections, headings,
 * references or front matter: 11.8 MB instead of 20.4 MB for the 10,000-document reference workspace
 * (requirement titles are 5 MB of it).
 */
import type { FrontMatterError } from '../frontMatter/frontMatter.js';
import type { DocumentEntry, DocumentType } from '../model/documentModel.js';

export interface RequirementSummary {
  key: string;
  /** 1-based line of the opening fence, for links into the spec. */
  line: number;
  /** The requirement's first line of text: its title in lists, chips and pickers. */
  summary: string;
  roadmap: string[];
  priority?: string;
  status?: string;
}

export interface DocumentSummary {
  path: string;
  key?: string;
  type: DocumentType;
  title: string;
  status?: string;
  owner?: string;
  implements: string[];
  answers: string[];
  requirements: RequirementSummary[];
  /** A story's estimate in points, when its front matter has a number. */
  estimate?: number;
  mtimeMs: number;
  problem?: FrontMatterError;
}

export function summarizeDocument(entry: DocumentEntry): DocumentSummary {
  const summary: DocumentSummary = {
    path: entry.path,
    type: entry.type,
    title: entry.title,
    implements: entry.implements,
    answers: entry.answers,
    requirements: entry.requirements.map((requirement) => {
      const item: RequirementSummary = {
        key: requirement.key,
        line: requirement.line,
        summary: requirement.summary,
        roadmap: requirement.roadmap,
      };
      if (requirement.priority !== undefined) item.priority = requirement.priority;
      if (requirement.status !== undefined) item.status = requirement.status;
      return item;
    }),
    mtimeMs: entry.mtimeMs,
  };
  if (entry.key !== undefined) summary.key = entry.key;
  if (entry.status !== undefined) summary.status = entry.status;
  if (entry.owner !== undefined) summary.owner = entry.owner;
  if (typeof entry.fields.estimate === 'number') summary.estimate = entry.fields.estimate;
  if (entry.problem !== undefined) summary.problem = entry.problem;
  return summary;
}
