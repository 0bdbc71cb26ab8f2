/**
 * Document templates: the built-in spec, story, FAQ and a feedback note per source, or a workspace's
 * `templates/<name>.md` (`spec.md`, `feedback-interview.md`, or `feedback.md` for every source).
 * A section is required when the first thing under its heading is a `<!-- Required. … -->` comment.
 */
import { formatField, setFrontMatterFields, splitDocument } from '../frontMatter/frontMatter.js';
import { feedbackSources, type FeedbackSource } from '../model/documentModel.js';
import { faqTemplateText } from './faqTemplate.js';
import { feedbackTemplateText } from './feedbackTemplate.js';
import { specTemplateText } from './specTemplate.js';
import { storyTemplateText } from './storyTemplate.js';
import { templateExamples } from './templateExamples.js';

export type TemplateType = 'spec' | 'story' | 'faq' | 'feedback';
/** A template's file name without `.md`: a type, or a feedback note's source variant. */
export type TemplateName = TemplateType | `feedback-${FeedbackSource}`;

export const templateNames: readonly TemplateName[] = [
  'spec',
  'story',
  'faq',
  'feedback',
  ...feedbackSources.map((source) => `feedback-${source}` as const),
];

/** The templates to try for a new document, most specific first. */
export function templateNamesFor(type: TemplateType, source?: FeedbackSource): TemplateName[] {
  return type === 'feedback' && source !== undefined ? [`feedback-${source}`, 'feedback'] : [type];
}

export interface Template {
  type: TemplateType;
  /** The whole file, front matter included, with `{{key}}`, `{{title}}`, `{{owner}}`, `{{date}}` placeholders. */
  body: string;
  /** Section titles the rules expect to hold content (`empty-required-section`). */
  requiredSections: string[];
  /** Sections holding example content, by `sectionKey`: their fingerprint (`templateExamples`). */
  examples: ReadonlyMap<string, string>;
}

export interface TemplateFields {
  key: string;
  title: string;
  owner?: string;
  /** `YYYY-MM-DD` */
  date: string;
  /** A feedback note's customer. */
  customer?: string;
}

const builtInTexts: Record<TemplateName, string> = {
  spec: specTemplateText,
  story: storyTemplateText,
  faq: faqTemplateText,
  feedback: feedbackTemplateText('interview'),
  ...(Object.fromEntries(
    feedbackSources.map((source) => [`feedback-${source}`, feedbackTemplateText(source)]),
  ) as Record<`feedback-${FeedbackSource}`, string>),
};

const headingPattern = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const requiredPattern = /^\s*<!--\s*Required\b/i;
const placeholderPattern = /\{\{(\w+)\}\}/g;
const knownPlaceholders = new Set(['key', 'title', 'owner', 'date', 'customer']);

const builtIns = new Map<TemplateName, Template>();

export function builtInTemplate(name: TemplateName): Template {
  let template = builtIns.get(name);
  if (!template)
    builtIns.set(name, (template = templateFromOverride(templateType(name), builtInTexts[name])));
  return template;
}

export function templateType(name: TemplateName): TemplateType {
  return name.startsWith('feedback') ? 'feedback' : (name as TemplateType);
}

/** A workspace's own template; its required sections are the ones marked with a `<!-- Required … -->` comment. */
export function templateFromOverride(type: TemplateType, text: string): Template {
  return {
    type,
    body: text,
    requiredSections: requiredSectionsOf(text),
    examples: templateExamples(withoutExampleRequirement(text)),
  };
}

function requiredSectionsOf(text: string): string[] {
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
  const required: string[] = [];
  let fence = false;
  for (let index = 0; index < lines.length; index++) {
    if (/^ {0,3}(```|~~~)/.test(lines[index]!)) fence = !fence;
    const heading = fence ? null : headingPattern.exec(lines[index]!);
    if (!heading) continue;
    let next = index + 1;
    while (next < lines.length && lines[next]!.trim() === '') next++;
    if (requiredPattern.test(lines[next] ?? '')) required.push(heading[1]!.trim());
  }
  return required;
}

/** The new document's full text: placeholders filled, and `key`, `type` and `title` always in the front matter. */
export function renderTemplate(template: Template, fields: TemplateFields): string {
  const eol = template.body.includes('\r\n') ? '\r\n' : '\n';
  const values: Record<string, string | undefined> = { ...fields };
  const text = withoutExampleRequirement(template.body);
  // Placeholders are filled before the YAML is parsed: `{{key}}` is itself (odd) YAML.
  const split = splitDocument(fillFrontMatter(text, values));
  const body = split.body.replace(placeholderPattern, (whole, name: string) => values[name] ?? whole);
  const required = { key: fields.key, type: template.type, title: fields.title };
  let frontMatter: string;
  if (split.frontMatter) {
    frontMatter = split.frontMatter.raw;
    const parsed = split.frontMatter;
    const missing = Object.fromEntries(Object.entries(required).filter(([name]) => !(name in parsed.data)));
    if (!parsed.error && Object.keys(missing).length > 0) {
      frontMatter = setFrontMatterFields(frontMatter, missing, eol);
    }
  } else {
    frontMatter = setFrontMatterFields(
      undefined,
      { ...required, owner: fields.owner, created: fields.date },
      eol,
    );
  }
  return (split.bom ? '\uFEFF' : '') + frontMatter + body;
}

/**
 * In the front matter (if the text has one), `name: {{placeholder}}` lines get a YAML-safe value, go
 * when the value is missing, and keep an unknown placeholder as a quoted string for the author to fill.
 */
function fillFrontMatter(text: string, values: Record<string, string | undefined>): string {
  const lines = text.split(/(?<=\n)/);
  if (!/^(?:\uFEFF)?---[ \t]*\r?\n$/.test(lines[0] ?? '')) return text;
  const close = lines.findIndex((line, index) => index > 0 && /^(?:---|\.\.\.)[ \t]*(?:\r?\n)?$/.test(line));
  if (close === -1) return text;
  const filled = lines.slice(1, close).flatMap((line) => {
    const field = /^([A-Za-z_][\w-]*):[ \t]*\{\{(\w+)\}\}[ \t]*(\r?\n)?$/.exec(line);
    if (!field) return [line.replace(placeholderPattern, (whole, name: string) => values[name] ?? whole)];
    const name = field[2]!;
    const value = knownPlaceholders.has(name) ? values[name] : `{{${name}}}`;
    return value === undefined || value === '' ? [] : [formatField(field[1]!, value) + (field[3] ?? '')];
  });
  return [lines[0]!, ...filled, ...lines.slice(close)].join('');
}

/**
 * Drops an example requirement (a block keyed `{{requirementKey}}`, as older workspace templates
 * have) and the blank line after it: a new document takes no requirement key before its author writes one.
 */
function withoutExampleRequirement(text: string): string {
  return text.replace(
    /^:::requirement\{[^}\n]*\{\{requirementKey\}\}[^\n]*\n[\s\S]*?^:::[ \t]*\r?\n(?:[ \t]*\r?\n)?/m,
    '',
  );
}
