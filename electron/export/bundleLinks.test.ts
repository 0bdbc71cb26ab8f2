import { beforeAll, describe, expect, it } from 'vitest';
import { renderBundleHtml } from './bundleHtml.js';
import { bundleOf, workspaceWith } from './testing/exportFixtures.js';

const date = new Date('2026-11-25T12:00:00Z');

describe('links by name in a bundle of notes', () => {
  let html: string;
  const paragraph = (start: string) => new RegExp(`<p dir="auto">${start}.*?</p>`).exec(html)?.[0];

  beforeAll(async () => {
    const folder = await workspaceWith({
      'notes/Plan.md': [
        '# Plan',
        '',
        'Own: [[#Tasks]], [[#Tasks|the list]], [[Plan#Risks]], [[#Nowhere]].',
        '',
        'Others: [[Other]], [[Other#Section two]], [text](Other.md#section-two), [[note#Why]].',
        '',
        'Outside: [[Outside]], [[Outside|again]], [more](Outside.md), [[Missing note]].',
        '',
        'Blocks: [[Other#^para-one|here]], [[Other#^gone|gone]].',
        '',
        '## Tasks',
        '',
        '## Risks',
        '',
      ].join('\n'),
      'notes/Other.md': '# Other\n\n## Section two\n\nText. ^para-one\n',
      'notes/Outside.md': 'Not exported.\n',
      'specs/note.md': '---\nkey: SPEC-1\ntype: spec\ntitle: Spec note\n---\n## Why\n\nBecause.\n',
    });
    const bundle = await bundleOf(folder, {
      specs: ['SPEC-1'],
      documents: ['notes/Plan.md', 'notes/Other.md'],
      include: [],
    });
    html = renderBundleHtml(bundle, { date }).html;
  });

  it('jumps to headings of the same note and of other notes in the bundle', () => {
    expect([paragraph('Own'), paragraph('Others')]).toEqual([
      '<p dir="auto">Own: <a class="name-link" href="#d2-tasks">Tasks</a>, <a class="name-link" href="#d2-tasks">the list</a>, <a class="name-link" href="#d2-risks">Plan › Risks</a>, <a class="name-link" href="#document-2">Nowhere</a>.</p>',
      '<p dir="auto">Others: <a class="name-link" href="#document-3">Other</a>, <a class="name-link" href="#d3-section-two">Other › Section two</a>, <a class="name-link" href="#d3-section-two">text</a>, <a class="name-link" href="#d1-why">Spec note › Why</a>.</p>',
    ]);
  });

  it('prints a note outside the bundle as its title, saying once that it is not included', () => {
    expect(paragraph('Outside')).toEqual(
      '<p dir="auto">Outside: <span class="name-link outside" title="notes/Outside.md">Outside</span><span class="outside-note"> (not included)</span>, ' +
        '<span class="name-link outside" title="notes/Outside.md">again</span>, <span class="name-link outside" title="notes/Outside.md">more</span>, <span class="name-link missing">Missing note</span>.</p>',
    );
  });

  it('jumps to a block id where the note printed it, else to the note', () => {
    expect(paragraph('Blocks')).toEqual(
      '<p dir="auto">Blocks: <a class="name-link" href="#d3-block-para-one">here</a>, <a class="name-link" href="#document-3">gone</a>.</p>',
    );
    expect(paragraph('Text')).toEqual('<p dir="auto">Text. <span id="d3-block-para-one"></span></p>');
  });

  it('has a target for every jump', () => {
    const ids = new Set(Array.from(html.matchAll(/\sid="([^"]+)"/g), (match) => match[1]));
    const links = Array.from(html.matchAll(/\shref="#([^"]*)"/g), (match) => match[1]!);
    expect(links.filter((id) => !ids.has(id))).toEqual([]);
  });
});
