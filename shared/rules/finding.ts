/** What the rules read and what they report; shared by `specbench check` and the editor's problems panel. */
import type { DocumentEntry, RequirementEntry } from '../model/documentModel.js';
import type { NameResolver } from '../model/nameResolver.js';
import type { Release, RoadmapItem } from '../model/roadmapModel.js';
import type { RuleId, Settings, Severity } from '../model/settingsModel.js';
import type { TemplateType } from '../templates/template.js';
import type { ReviewDocument } from '../review/reviewFile.js';
import type { RekeyRecord } from '../model/rekeyRecord.js';

export interface Finding {
  rule: RuleId;
  severity: Exclude<Severity, 'off'>;
  /** Workspace-relative path with forward slashes. */
  path: string;
  /** 1-based line in that file. */
  line: number;
  /** One sentence naming the keys involved. */
  message: string;
  /** The key the finding is about. */
  key?: string;
}

export interface RuleInput {
  documents: DocumentEntry[];
  roadmap: RoadmapItem[];
  /** The releases in roadmap.json; none when not given. */
  releases?: Release[];
  settings: Settings;
  /** Today as `YYYY-MM-DD`, for rules about time since a release (`unmeasured-metric`); they stay quiet without it. */
  today?: string;
  /** Review comments (`reviews/<KEY>.md`), for the comment rules; none when not given. */
  reviews?: readonly ReviewDocument[];
  /** Copies of duplicated keys renamed after a merge (`.specbench/rekeys.json`); none when not given. */
  rekeys?: readonly RekeyRecord[];
  /** Where roadmap findings point; `roadmap.json` when not given. */
  roadmapPath?: string;
  /** Lines of each roadmap key in roadmap.json, in file order (`RoadmapStore.itemLines()`); line 1 when absent. */
  roadmapLines?: ReadonlyMap<string, readonly number[]>;
  /** Files other than Markdown by workspace path (images, PDFs, folders' files), for embeds and relative links. */
  otherFiles?: readonly string[];
  /** The workspace's folder inside its git repository (`docs`), which site-root links (`/docs/api.md`) start from. */
  repositoryFolder?: string;
  /** The workspace folder's own name (`docs`): a site-root `/docs/…` outside any repository's sub-folder reads from there. */
  folderName?: string;
  /** Required sections per type from the workspace's template overrides; built-in templates otherwise. */
  requiredSections?: Partial<Record<TemplateType, string[]>>;
  /** Example sections per type from the workspace's template overrides (`Template.examples`); built-in templates otherwise. */
  examples?: Partial<Record<TemplateType, ReadonlyMap<string, string>>>;
  /** The line of a front-matter field's key (`implements: [REQ-4]`, or `- REQ-4` below it); line 1 when absent. */
  linkLine?: (
    document: DocumentEntry,
    field: 'implements' | 'answers' | 'about' | 'depends',
    key: string,
  ) => number;
}

/** A finding before the settings give it a severity; `atMost` caps it (a broken name link is a warning where a broken key is an error). */
export type RuleFinding = Omit<Finding, 'rule' | 'severity'> & { atMost?: Exclude<Severity, 'off'> };

export interface Rule {
  id: RuleId;
  check(input: RuleInput, keys: KeyIndex): RuleFinding[];
}

/** Every key in the workspace and where it lives, built once and shared by the rules. */
export interface KeyIndex {
  documents: Map<string, DocumentEntry>;
  requirements: Map<string, { requirement: RequirementEntry; document: DocumentEntry }>;
  roadmap: Map<string, RoadmapItem>;
  releases: Map<string, Release>;
  /** Requirement key → keys of the stories that implement it. */
  implementedBy: Map<string, string[]>;
  /** Roadmap key → keys of the requirements that deliver it. */
  deliveredBy: Map<string, string[]>;
  /** Keys used more than once anywhere (documents, requirements, roadmap items). */
  duplicated: Set<string>;
  roadmapPath: string;
  /** Every document by workspace path. */
  byPath: Map<string, DocumentEntry>;
  /** Resolves links by name over every document and other file. */
  names: NameResolver;
  /** The line of the `occurrence`-th roadmap item with this key (0 for the first). */
  roadmapLine(key: string, occurrence?: number): number;
}
