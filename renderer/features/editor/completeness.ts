/** Which required template sections of a document are still empty, from the editor's JSON. */
import type { JSONContent } from '@tiptap/core';
import type { DocumentType } from '../../../shared/model/documentModel.js';
import { builtInTemplate } from '../../../shared/templates/template.js';

/** The sections each built-in template marks `<!-- Required … -->`; a document is complete when each has content. */
export function requiredSections(type: DocumentType): readonly string[] {
  return type === 'doc' ? [] : builtInTemplate(type).requiredSections;
}

export interface Completeness {
  required: string[];
  /** Required sections that are missing or hold no content. */
  empty: string[];
}

function textOf(node: JSONContent): string {
  if (node.type === 'text') return node.text ?? '';
  // Guidance comments are not content, as in the rules' section word counts.
  if (node.type === 'rawBlock') return String(node.attrs?.source ?? '').replace(/<!--[\s\S]*?-->/g, '');
  if (node.type === 'reference' || node.type === 'requirement' || node.type === 'image') return 'x';
  return (node.content ?? []).map(textOf).join('');
}

/** A heading node, or a heading the codec kept as raw source (it never loses a block it cannot model). */
function headingOf(node: JSONContent): { level: number; title: string } | undefined {
  if (node.type === 'heading') return { level: Number(node.attrs?.level ?? 1), title: textOf(node).trim() };
  if (node.type !== 'rawBlock') return undefined;
  const match = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*\s*$/.exec(String(node.attrs?.source ?? ''));
  return match ? { level: match[1]!.length, title: match[2]!.trim() } : undefined;
}

export function completenessOf(doc: JSONContent, type: DocumentType): Completeness {
  const required = [...requiredSections(type)];
  const filled = new Set<string>();
  const seen = new Set<string>();
  let current: string | undefined;
  let currentLevel = 0;
  for (const node of doc.content ?? []) {
    const heading = headingOf(node);
    if (heading) {
      const { level } = heading;
      const title = heading.title.toLowerCase();
      if (current !== undefined && level > currentLevel) continue;
      current = required.find((name) => name.toLowerCase() === title);
      currentLevel = level;
      if (current) seen.add(current);
      continue;
    }
    if (current && textOf(node).trim() !== '') filled.add(current);
  }
  return { required, empty: required.filter((name) => !filled.has(name)) };
}
