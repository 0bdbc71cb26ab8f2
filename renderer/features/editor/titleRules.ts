/** What the title field refuses, and what it says when a title's file name was taken. */
import type { DocumentType } from '../../../shared/model/documentModel.js';
import { slugify } from '../../../shared/model/slug.js';
import { untitledTitles } from '../../workbench/createDocument.js';

const kindNames: Record<DocumentType, string> = {
  spec: 'A spec',
  story: 'A story',
  faq: 'An FAQ',
  feedback: 'A feedback note',
  doc: 'A document',
};

/** Why a title cannot be saved (only an empty one cannot), or undefined. */
export function titleRefusal(type: DocumentType, title: string): string | undefined {
  return title.trim() === '' ? `${kindNames[type] ?? kindNames.doc} needs a title.` : undefined;
}

/** The title a new document of this type is created with ("Untitled spec"), if it has one. */
export function untitledTitle(type: DocumentType): string | undefined {
  return type === 'doc' ? undefined : untitledTitles[type];
}

/** What the field shows: nothing for a title still the placeholder it was created with (shown greyed). */
export function shownTitle(type: DocumentType, title: string): string {
  return title === untitledTitle(type) ? '' : title;
}

/** A title is one line: pasted line breaks become spaces. */
export function oneLine(title: string): string {
  return title.replace(/\s*[\r\n]+\s*/g, ' ');
}

/**
 * After a rename to `path`, the file its title would have been named (`specs/guest-checkout.md`)
 * when another document has it and this one got `-2`, `-3`…; otherwise undefined.
 */
export function takenName(
  path: string,
  title: string,
  exists: (path: string) => boolean,
): string | undefined {
  const slash = path.lastIndexOf('/') + 1;
  const file = path.slice(slash);
  const dot = file.lastIndexOf('.');
  const [name, extension] = dot > 0 ? [file.slice(0, dot), file.slice(dot)] : [file, ''];
  const slug = slugify(title);
  if (!new RegExp(`^${slug.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-[0-9]+$`).test(name)) return undefined;
  const wanted = `${path.slice(0, slash)}${slug}${extension}`;
  return exists(wanted) ? wanted : undefined;
}
