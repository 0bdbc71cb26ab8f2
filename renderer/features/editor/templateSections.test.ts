import { describe, expect, it } from 'vitest';
import { builtInTemplate, renderTemplate } from '../../../shared/templates/template.js';
import { sectionKey } from '../../../shared/templates/templateExamples.js';
import { sharedCodec } from '../../workbench/sharedCodec.js';
import { documentSections } from './templateSections.js';

/** The sections the editor sees as example in a document new from the built-in template, after `edit`. */
function exampleSections(type: 'spec' | 'story' | 'faq', edit = (text: string) => text): string[] {
  const template = builtInTemplate(type);
  const text = edit(renderTemplate(template, { key: 'X-1', title: 'T', date: '2026-12-06' }));
  const doc = sharedCodec().schema.nodeFromJSON(sharedCodec().parse(text).doc);
  return documentSections(doc, template.examples)
    .filter((section) => section.example)
    .map((section) => sectionKey(section.title));
}

describe('documentSections', () => {
  // The editor reads the codec's tree, the rules read the file: both must find the same examples.
  for (const type of ['spec', 'story', 'faq'] as const) {
    it(`finds each example of a new ${type} that the rules find`, () => {
      expect(exampleSections(type)).toEqual([...builtInTemplate(type).examples.keys()]);
    });
  }

  it('a word changed in the story makes its opening the author’s own', () => {
    expect(exampleSections('story', (text) => text.replace('a benefit', 'I finish quickly'))).toEqual([
      'acceptance criteria',
    ]);
  });

  it('a spec made before Baseline was added still holds the example metrics table', () => {
    const old = (text: string) =>
      text.replace(
        /\| Metric \| Baseline \| Target \| Actual \|\n.*\n.*\n/,
        '| Metric | Target | Actual |\n|---|---|---|\n|  |  |  |\n',
      );
    expect(exampleSections('spec', old)).toEqual(['success metrics']);
  });
});
