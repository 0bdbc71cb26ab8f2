import { describe, expect, it } from 'vitest';
import { renderBundleHtml } from './bundleHtml.js';
import { bundleOf, workspaceWith } from './testing/exportFixtures.js';
import type { BundleRequest } from './specBundle.js';

const date = new Date('2026-11-25T12:00:00Z');

const files = {
  'notes/Plan.md': '# Plan\n\nWhat we do next.\n\n## Tasks\n\n- [ ] write\n',
  'notes/Ideas.md': 'Loose ideas.\n',
  'specs/pay.md': '---\nkey: SPEC-1\ntype: spec\ntitle: Pay\nstatus: draft\n---\n## Problem\n\nSlow.\n',
};

/** What a reader finds on the cover, and whether a contents page and a matrix follow. */
async function outline(request: BundleRequest) {
  const bundle = await bundleOf(await workspaceWith(files), request);
  const { html, title } = renderBundleHtml(bundle, { date });
  // A bundle of specs or several documents opens on a cover page; one note on a header block.
  const start = html.search(/<(section|header) class="cover/);
  const cover = html.slice(start, html.indexOf('</', html.indexOf('</dl>') + 5));
  const text = (pattern: RegExp) => Array.from(cover.matchAll(pattern), (match) => match[1]);
  return {
    title,
    heading: text(/<h1 dir="auto">([^<]*)<\/h1>/g),
    subtitle: text(/<div class="subtitle">([^<]*)<\/div>/g),
    keyTable: cover.includes('<th>Key</th>'),
    approvals: cover.includes('approvals'),
    facts: text(/<dd>([^<]*)<\/dd>/g).slice(2),
    contents: html.includes('<nav class="contents"'),
    matrix: html.includes('id="appendix-traceability"'),
  };
}

describe('the cover of a bundle', () => {
  it('of one note is a header block: its file, no title of its own (the note’s follows), no key table, no contents page', async () => {
    expect(await outline({ specs: [], documents: ['notes/Plan.md'], include: ['matrix'] })).toEqual({
      title: 'Plan',
      heading: [],
      subtitle: [],
      keyTable: false,
      approvals: false,
      facts: ['notes/Plan.md'],
      contents: false,
      matrix: false,
    });
  });

  it('of several notes names them as documents and lists them in the contents', async () => {
    expect(await outline({ specs: [], documents: ['notes/Plan.md', 'notes/Ideas.md'], include: [] })).toEqual(
      {
        title: 'Test workspace documents',
        heading: ['Test workspace documents'],
        subtitle: [],
        keyTable: false,
        approvals: false,
        facts: ['2 documents'],
        contents: true,
        matrix: false,
      },
    );
  });

  it('of a spec with a note keeps the review cover and counts the note', async () => {
    expect(await outline({ specs: ['SPEC-1'], documents: ['notes/Plan.md'], include: ['matrix'] })).toEqual({
      title: 'Pay',
      heading: ['Pay'],
      subtitle: ['Specification bundle for review and sign-off'],
      keyTable: true,
      approvals: true,
      facts: ['1 spec, 0 user stories, 0 FAQs, 1 document'],
      contents: true,
      matrix: true,
    });
  });
});
