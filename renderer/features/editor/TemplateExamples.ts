/**
 * Marks the blocks of a section that still holds only its template's example (a sample sentence,
 * an empty table's header, a sample question), so they read as guidance until the author writes.
 */
import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { sectionKey } from '../../../shared/templates/templateExamples.js';
import { documentSections, hasWords, headingOf } from './templateSections.js';

/** The marked blocks, and what tells whether a change can alter them. */
export interface TemplateExamplesState {
  decorations: DecorationSet;
  /** The examples they were made for (a new document type or template brings others). */
  examples: ReadonlyMap<string, string> | undefined;
  /** Where each section that has an example runs, heading to the next heading that closes it. */
  spans: { from: number; to: number }[];
}

export const templateExamplesKey = new PluginKey<TemplateExamplesState>('templateExamples');

interface TemplateExamplesOptions {
  /** The open document's template examples, read on every change (the document's type can change). */
  examples: () => ReadonlyMap<string, string> | undefined;
}

export function exampleDecorations(
  doc: ProseMirrorNode,
  examples: ReadonlyMap<string, string> | undefined,
): DecorationSet {
  if (!examples || examples.size === 0) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  for (const section of documentSections(doc, examples)) {
    if (!section.example) continue;
    // Guidance stays as it is; the label goes on the first block of the example itself.
    section.blocks
      .filter(({ node }) => hasWords(node))
      .forEach(({ node, pos }, index) => {
        const attributes: Record<string, string> = { class: 'template-example' };
        if (index === 0) attributes['data-template-example'] = 'first';
        decorations.push(Decoration.node(pos, pos + node.nodeSize, attributes));
      });
  }
  return DecorationSet.create(doc, decorations);
}

/** Where the sections whose titles have an example run, as `documentSections` cuts them. */
export function exampleSpans(
  doc: ProseMirrorNode,
  examples: ReadonlyMap<string, string> | undefined,
): { from: number; to: number }[] {
  if (!examples || examples.size === 0) return [];
  const spans: { from: number; to: number }[] = [];
  const close = (section: { title: string; from: number }, to: number): void => {
    if (examples.has(sectionKey(section.title))) spans.push({ from: section.from, to });
  };
  // The blocks before the first heading are a section of their own, titled ''.
  let preface: { title: string; from: number } | undefined = { title: '', from: 0 };
  const open: { title: string; level: number; from: number }[] = [];
  doc.forEach((node, offset) => {
    const heading = headingOf(node);
    if (!heading) return;
    if (preface) close(preface, offset);
    preface = undefined;
    while (open.length > 0 && open.at(-1)!.level >= heading.level) close(open.pop()!, offset);
    open.push({ title: heading.title, level: heading.level, from: offset });
  });
  if (preface) close(preface, doc.content.size);
  for (const section of open) close(section, doc.content.size);
  return spans;
}

function fullState(
  doc: ProseMirrorNode,
  examples: ReadonlyMap<string, string> | undefined,
): TemplateExamplesState {
  return { decorations: exampleDecorations(doc, examples), examples, spans: exampleSpans(doc, examples) };
}

function touchesHeading(doc: ProseMirrorNode, from: number, to: number): boolean {
  let found = false;
  doc.nodesBetween(from, Math.min(doc.content.size, Math.max(to, from + 1)), (node) => {
    if (headingOf(node)) found = true;
    return false;
  });
  return found;
}

/**
 * The state after a change that cannot alter which blocks are marked, mapped; else undefined. A
 * typed character changes one block: unless it is a heading or lies in a section with an example,
 * no section is cut differently and no example's words change, so the long spec is not read again.
 */
export function mappedState(
  transaction: Transaction,
  previous: TemplateExamplesState,
): TemplateExamplesState | undefined {
  const before = transaction.before;
  const after = transaction.doc;
  const start = before.content.findDiffStart(after.content);
  if (start === null) return undefined;
  const end = before.content.findDiffEnd(after.content) ?? { a: start, b: start };
  const [beforeFrom, beforeTo] = [Math.min(start, end.a), Math.max(start, end.a)];
  const [afterFrom, afterTo] = [Math.min(start, end.b), Math.max(start, end.b)];
  if (previous.spans.some((span) => beforeFrom <= span.to && beforeTo >= span.from)) return undefined;
  if (touchesHeading(before, beforeFrom, beforeTo) || touchesHeading(after, afterFrom, afterTo))
    return undefined;
  return {
    decorations: previous.decorations.map(transaction.mapping, after),
    examples: previous.examples,
    spans: previous.spans.map((span) => ({
      from: transaction.mapping.map(span.from),
      to: transaction.mapping.map(span.to),
    })),
  };
}

export const TemplateExamples = Extension.create<TemplateExamplesOptions>({
  name: 'templateExamples',

  addOptions() {
    return { examples: () => undefined };
  },

  addProseMirrorPlugins() {
    const { examples } = this.options;
    return [
      new Plugin<TemplateExamplesState>({
        key: templateExamplesKey,
        state: {
          init: (_config, state) => fullState(state.doc, examples()),
          apply: (transaction, previous, _old, state) => {
            const current = examples();
            if (transaction.getMeta(templateExamplesKey) !== undefined || current !== previous.examples)
              return fullState(state.doc, current);
            if (!transaction.docChanged) return previous;
            return mappedState(transaction, previous) ?? fullState(state.doc, current);
          },
        },
        props: {
          decorations: (state) => templateExamplesKey.getState(state)?.decorations,
        },
      }),
    ];
  },
});
