/** Which required template sections of a document are still empty, or still only the template's example. */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { WorkspaceInfo } from '../../../shared/contract/apiContract.js';
import type { DocumentType } from '../../../shared/model/documentModel.js';
import { builtInTemplate } from '../../../shared/templates/template.js';
import {
  contentFingerprint,
  isExampleSection,
  sectionKey,
} from '../../../shared/templates/templateExamples.js';
import { documentSections } from './templateSections.js';

/** What the editor needs of a document's template: the built-in one, or the workspace's own. */
export interface TemplateOutline {
  requiredSections: readonly string[];
  examples: ReadonlyMap<string, string>;
}

export function builtInOutline(type: DocumentType): TemplateOutline | undefined {
  return type === 'doc' ? undefined : builtInTemplate(type);
}

/** The workspace's own template of this type when it has one, else the built-in one. */
export function templateOutline(
  info: WorkspaceInfo | undefined,
  type: DocumentType,
): TemplateOutline | undefined {
  const own = type === 'doc' ? undefined : info?.templates[type];
  if (!own) return builtInOutline(type);
  return { requiredSections: own.requiredSections, examples: new Map(Object.entries(own.examples)) };
}

export interface Completeness {
  required: string[];
  /** Required sections that are missing, hold no content, or hold only the template's example. */
  empty: string[];
}

/** For a state update: keeps the previous value when `next` says the same, so nothing renders again. */
export function sameCompleteness(next: Completeness): (previous: Completeness) => Completeness {
  const same = (a: string[], b: string[]): boolean =>
    a.length === b.length && a.every((value, index) => value === b[index]);
  return (previous) =>
    same(previous.required, next.required) && same(previous.empty, next.empty) ? previous : next;
}

export function completenessOf(doc: ProseMirrorNode, outline: TemplateOutline | undefined): Completeness {
  const required = [...(outline?.requiredSections ?? [])];
  if (required.length === 0) return { required, empty: [] };
  const filled = new Set<string>();
  for (const section of documentSections(doc, outline?.examples)) {
    if (!section.example && section.hasContent()) filled.add(sectionKey(section.title));
  }
  return { required, empty: required.filter((name) => !filled.has(sectionKey(name))) };
}

/** Whether a section's Markdown (without its heading) is still only its template's example. */
export function holdsOnlyExample(
  outline: TemplateOutline | undefined,
  title: string,
  markdown: string,
): boolean {
  return isExampleSection(outline?.examples, title, contentFingerprint(markdown.split(/\r?\n/)));
}
