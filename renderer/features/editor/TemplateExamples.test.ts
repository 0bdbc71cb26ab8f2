// @vitest-environment jsdom
import { Editor } from '@tiptap/core';
import fc from 'fast-check';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import type { DecorationSet } from '@tiptap/pm/view';
import { afterEach, describe, expect, it } from 'vitest';
import { builtInTemplate, renderTemplate } from '../../../shared/templates/template.js';
import { sharedCodec } from '../../workbench/sharedCodec.js';
import { createEditorExtensions } from './editorExtensions.js';
import { exampleDecorations, exampleSpans, mappedState, templateExamplesKey } from './TemplateExamples.js';

const template = builtInTemplate('spec');
// A new spec, then a section of the author's own with a subsection: most typing happens in such text.
const text =
  renderTemplate(template, { key: 'X-1', title: 'T', date: '2026-12-06' }) +
  '\n## Rollout\n\nFirst the guests, then everyone.\n\n### Risks\n\nA slow payment provider.\n';

let editor: Editor | undefined;
afterEach(() => editor?.destroy());

function open(): Editor {
  editor = new Editor({
    element: document.createElement('div'),
    extensions: createEditorExtensions('specs/new.md', () => template.examples),
    content: sharedCodec().parse(text).doc,
  });
  return editor;
}

function marked(decorations: DecorationSet | undefined): string[] {
  return (decorations?.find() ?? []).map(
    (decoration) =>
      `${decoration.from}-${decoration.to} ${JSON.stringify((decoration as unknown as { type: { attrs: unknown } }).type.attrs)}`,
  );
}

function state(doc: EditorState) {
  return templateExamplesKey.getState(doc)!;
}

/** One edit at a place chosen by `at` (0–1 through the document): typing, deleting, a new block, a heading. */
function edit(tr: Transaction, kind: number, at: number, doc: ProseMirrorNode): void {
  const positions: number[] = [];
  doc.descendants((node, pos) => {
    if (node.isTextblock)
      for (let offset = 0; offset <= node.content.size; offset++) positions.push(pos + 1 + offset);
    return true;
  });
  const pos = positions[Math.floor(at * positions.length)]!;
  if (kind === 0) tr.insertText('x', pos);
  else if (kind === 1) tr.insertText('Goals', pos);
  else if (kind === 2 && doc.resolve(pos).parentOffset > 0) tr.delete(pos - 1, pos);
  else if (kind === 3) tr.split(pos);
  else if (kind === 4) tr.setBlockType(pos, pos, doc.type.schema.nodes.heading!, { level: 2 });
  else tr.setBlockType(pos, pos, doc.type.schema.nodes.paragraph!);
}

describe('TemplateExamples', () => {
  it('marks after any run of edits exactly the blocks a reading of the whole document marks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.double({ min: 0, max: 0.999, noNaN: true })), {
          minLength: 1,
          maxLength: 12,
        }),
        (edits) => {
          const view = open();
          for (const [kind, at] of edits) {
            const tr = view.state.tr;
            edit(tr, kind, at, view.state.doc);
            view.view.dispatch(tr);
            const doc = view.state.doc;
            expect(marked(state(view.state).decorations)).toEqual(
              marked(exampleDecorations(doc, template.examples)),
            );
            expect(state(view.state).spans).toEqual(exampleSpans(doc, template.examples));
          }
          view.destroy();
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a character typed in a section of the author’s own is mapped, not read again; one typed in an example is read again', () => {
    const view = open();
    const examplesBefore = marked(state(view.state).decorations);
    expect(examplesBefore.length).toBeGreaterThan(0);
    let own = -1;
    view.state.doc.descendants((node, pos) => {
      if (node.isText && node.text?.includes('A slow payment provider')) own = pos + 3;
      return true;
    });
    const first = state(view.state).decorations.find()[0]!;
    const example = first.from + 2;
    const inOwn = view.state.tr.insertText('x', own);
    expect(mappedState(inOwn, state(view.state))).toBeDefined();
    const inExample = view.state.tr.insertText('x', example);
    expect(mappedState(inExample, state(view.state))).toBeUndefined();
  });
});
