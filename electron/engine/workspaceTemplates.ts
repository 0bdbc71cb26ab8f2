/** New documents from templates: the workspace's own `templates/<type>.md` where present, else the built-ins. */
import { nextKey } from '../../shared/model/keys.js';
import { documentFolders } from '../../shared/model/documentModel.js';
import type { KeyPrefixes } from '../../shared/model/settingsModel.js';
import type { FeedbackSource } from '../../shared/model/documentModel.js';
import {
  builtInTemplate,
  renderTemplate,
  templateFromOverride,
  templateNames,
  templateNamesFor,
  templateType,
  type Template,
  type TemplateName,
  type TemplateType,
} from '../../shared/templates/template.js';
import type { DocumentStore, FileVersion } from './documentStore.js';
import { slugify } from './workspacePaths.js';

export type WorkspaceTemplates = Partial<Record<TemplateName, Template>>;

export type CreatedDocument =
  | { ok: true; path: string; key: string; text: string; version: FileVersion }
  | { ok: false; error: string; message: string };

/** What the workspace's own templates ask of the rules: their required sections and example text. */
export function templateRules(templates: WorkspaceTemplates): {
  requiredSections: Partial<Record<TemplateType, string[]>>;
  examples: Partial<Record<TemplateType, ReadonlyMap<string, string>>>;
} {
  const requiredSections: Partial<Record<TemplateType, string[]>> = {};
  const examples: Partial<Record<TemplateType, ReadonlyMap<string, string>>> = {};
  for (const type of ['spec', 'story', 'faq'] as const) {
    const template = templates[type];
    if (template) {
      requiredSections[type] = template.requiredSections;
      examples[type] = template.examples;
    }
  }
  return { requiredSections, examples };
}

/** A workspace's own `templates/<name>.md`, where present. */
export async function readWorkspaceTemplates(store: DocumentStore): Promise<WorkspaceTemplates> {
  const templates: WorkspaceTemplates = {};
  for (const name of templateNames) {
    const read = await store.read(`templates/${name}.md`);
    if (read.ok) templates[name] = templateFromOverride(templateType(name), read.file.text);
  }
  return templates;
}

/** The workspace's most specific template for a new document, else the built-in one. */
export function templateFor(
  templates: WorkspaceTemplates,
  type: TemplateType,
  source?: FeedbackSource,
): Template {
  for (const name of templateNamesFor(type, source)) {
    const template = templates[name];
    if (template) return template;
  }
  return builtInTemplate(templateNamesFor(type, source)[0]!);
}

/** Writes a document from its template under the next free key, at `<folder>/<slug>.md` or `<slug>-2.md`…, never over a file. */
export async function createFromTemplate(
  store: DocumentStore,
  request: {
    type: TemplateType;
    title: string;
    owner?: string;
    /** A feedback note's source, which picks its template, and its customer. */
    source?: FeedbackSource;
    customer?: string;
    templates: WorkspaceTemplates;
    prefixes: KeyPrefixes;
    /** Every key in use, so the new document's key is a free one. */
    keys: string[];
  },
): Promise<CreatedDocument> {
  const title = request.title.trim();
  if (title === '') return { ok: false, error: 'invalid-title', message: 'A document needs a title.' };
  const key = nextKey(request.prefixes[request.type], request.keys);
  const text = renderTemplate(templateFor(request.templates, request.type, request.source), {
    key,
    title,
    owner: request.owner,
    customer: request.customer,
    date: new Date().toISOString().slice(0, 10),
  });
  const slug = slugify(title);
  for (let attempt = 1; attempt < 1000; attempt++) {
    const candidate = `${documentFolders[request.type]}/${attempt === 1 ? slug : `${slug}-${attempt}`}.md`;
    const created = await store.create(candidate, text);
    if (created.ok) return { ok: true, path: candidate, key, text, version: created.version };
    if (created.error !== 'exists') return { ok: false, error: created.error, message: created.message };
  }
  return { ok: false, error: 'exists', message: `Too many documents are named ${slug}.` };
}
