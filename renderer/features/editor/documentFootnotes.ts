/** The numbers a document's footnotes show in the editor, worked out once per document state. */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { footnoteNumbers, footnoteNumberText } from '../../../shared/markdown/footnoteNumbers.js';
import { rawInlineKind } from '../../../shared/markdown/rawInlineKind.js';

const numbered = new WeakMap<ProseMirrorNode, Map<string, number>>();

/** What `[^label]` shows in `doc`: its number in the order of first reference, else its label. */
export function footnoteNumberIn(doc: ProseMirrorNode, label: string): string {
  let numbers = numbered.get(doc);
  if (numbers === undefined) {
    const labels: string[] = [];
    doc.descendants((child) => {
      if (child.type.name !== 'rawInline') return true;
      const kind = rawInlineKind(String(child.attrs.source ?? ''));
      if (kind.kind === 'footnote') labels.push(kind.label);
      return false;
    });
    numbers = footnoteNumbers(labels);
    numbered.set(doc, numbers);
  }
  return footnoteNumberText(numbers, label);
}
