import { beforeAll, describe, expect, it } from 'vitest';
import { fieldValue, renderBundleHtml } from './bundleHtml.js';
import { activeContent } from './htmlSanitizer.js';
import { bundleOf, sampleCopy, workspaceWith } from './testing/exportFixtures.js';
import type { SpecBundle } from './specBundle.js';

const date = new Date('2026-11-25T12:00:00Z');

describe('renderBundleHtml on the sample', () => {
  let bundle: SpecBundle;
  let html: string;

  beforeAll(async () => {
    bundle = await bundleOf(await sampleCopy(), {
      specs: 'all',
      include: ['stories', 'faqs', 'roadmap', 'matrix'],
    });
    html = renderBundleHtml(bundle, { date, version: 'commit abc1234' }).html;
  });

  it('has a target for every internal link', () => {
    const ids = new Set(Array.from(html.matchAll(/\sid="([^"]+)"/g), (match) => match[1]));
    const links = Array.from(html.matchAll(/\shref="#([^"]*)"/g), (match) => match[1]!);
    expect({ many: links.length > 100, broken: links.filter((id) => !ids.has(id)) }).toEqual({
      many: true,
      broken: [],
    });
  });

  it('is self-contained: every image and font is a data URI, nothing is loaded from elsewhere', () => {
    const sources = Array.from(html.matchAll(/\ssrc="([^"]*)"/g), (match) => match[1]!.slice(0, 22));
    const external = html.match(/<(?:link|script)\b|url\((?!data:font\/woff2;base64,)/g) ?? [];
    const fonts = html.match(/url\(data:font\/woff2;base64,/g)?.length ?? 0;
    expect({ sources, external, fonts: fonts > 10 }).toEqual({
      sources: ['data:image/png;base64,'],
      external: [],
      fonts: true,
    });
  });

  it('holds no active content', () => {
    expect(activeContent(html)).toEqual([]);
  });

  it("lists the specs' approvals on the cover, each as current or changed since", () => {
    const cover = html.slice(html.indexOf('<section class="cover">'), html.indexOf('</section>'));
    const approvals = cover.slice(cover.indexOf('<table class="approvals">'));
    const cells = Array.from(approvals.matchAll(/<td[^>]*>([^<]*)<\/td>/g), (match) => match[1]);
    const changed = renderBundleHtml(
      {
        ...bundle,
        documents: bundle.documents.map((document) =>
          document.entry.key === 'SPEC-1'
            ? {
                ...document,
                entry: { ...document.entry, requirements: document.entry.requirements.slice(1) },
              }
            : document,
        ),
      },
      { date },
    ).html;
    expect([cells, changed.includes('<td>changed since approval</td>')]).toEqual([
      ['SPEC-1', 'Dana Whitfield &lt;dana.whitfield@acme.example&gt;', '2026-11-20', 'current'],
      true,
    ]);
  });

  it('links every requirement key of the matrix to its card', () => {
    const keys = (bundle.matrix ?? []).map((row) => row.requirement);
    const cards = keys.filter((key) => html.includes(`<section class="requirement" id="requirement-${key}"`));
    expect([keys.length, cards]).toEqual([14, keys]);
  });
});

describe('the contents', () => {
  let bundle: SpecBundle;

  beforeAll(async () => {
    bundle = await bundleOf(await sampleCopy(), { specs: ['SPEC-1'], include: [] });
  });

  const entry = (html: string): string => /<li class="level-1">.*?<\/li>/.exec(html)![0];
  const cases: [string, Parameters<typeof renderBundleHtml>[1], string][] = [
    [
      'on screen, without page numbers',
      { date },
      '<li class="level-1"><a href="#document-SPEC-1"><span class="number">1</span><span class="title" dir="auto">Guest checkout</span></a></li>',
    ],
    [
      'for print, first pass',
      { date, print: true },
      '<li class="level-1"><a href="#document-SPEC-1"><span class="number">1</span><span class="title" dir="auto">Guest checkout</span><span class="leader"></span><span class="page"></span></a></li>',
    ],
    [
      'for print, with the pages found',
      { date, pages: new Map([['document-SPEC-1', 3]]) },
      '<li class="level-1"><a href="#document-SPEC-1"><span class="number">1</span><span class="title" dir="auto">Guest checkout</span><span class="leader"></span><span class="page">3</span></a></li>',
    ],
  ];
  it.each(cases)('%s', (_, options, expected) => {
    expect(entry(renderBundleHtml(bundle, options).html)).toEqual(expected);
  });
});

describe('hostile names and fields', () => {
  it('are shown as text, never as markup', async () => {
    const folder = await workspaceWith({
      'specbench.json': JSON.stringify({ name: '<script>alert("workspace")</script>' }),
      'specs/a.md': [
        '---',
        'key: SPEC-1',
        'type: spec',
        'title: "<img src=x onerror=alert(1)>"',
        'status: "<b onclick=x>draft</b>"',
        'owner: "javascript:alert(1)"',
        'links: ["<iframe>", "SPEC-1"]',
        '---',
        '## <script>heading</script>',
        '',
        ':::requirement{#REQ-1 priority="<svg onload=x>" status=draft}',
        'Body.',
        ':::',
        '',
      ].join('\n'),
    });
    const bundle = await bundleOf(folder, { specs: ['SPEC-1'], include: ['matrix'] });
    const { html, title } = renderBundleHtml(bundle, { date, print: true });
    expect({
      active: activeContent(html),
      title,
      escaped: html.includes('&lt;img src=x onerror=alert(1)&gt;'),
    }).toEqual({
      active: [],
      title: '<img src=x onerror=alert(1)>',
      escaped: true,
    });
  });
});

describe('fieldValue', () => {
  const anchors = new Map([['SPEC-1', 'document-SPEC-1']]);
  const cases: [string, unknown, string][] = [
    ['a date that passed through JSON', '2018-12-21T00:00:00.000Z', '2018-12-21'],
    ['a date', new Date('2018-12-21T00:00:00Z'), '2018-12-21'],
    [
      'a map of links, as a list with clickable addresses',
      { accepted: 'https://example.com/rfc/12', by: 'Dana' },
      '<ul class="field-map"><li><span class="field-key">accepted:</span> <a href="https://example.com/rfc/12" class="external">https://example.com/rfc/12</a></li><li><span class="field-key">by:</span> Dana</li></ul>',
    ],
    ['a key in the bundle', 'SPEC-1', '<a class="key" href="#document-SPEC-1">SPEC-1</a>'],
    ['a script address is text', 'javascript:alert(1)', 'javascript:alert(1)'],
  ];
  it.each(cases)('%s', (_name, value, expected) => {
    expect(fieldValue(value, anchors)).toEqual(expected);
  });
});

describe('one note', () => {
  const note = [
    '---',
    'cssclasses: soft-embed',
    'cssclass: wide',
    'permalink: embeds',
    'publish: true',
    'aliases: [Embeds, Transclusion]',
    'owner: Dana',
    'reviewed-by: Sam',
    '---',
    '# Embeds',
    '',
    '## One',
    '',
    'Text.',
    '',
    '## Two',
    '',
    '## Three',
    '',
  ].join('\n');
  let html: string;

  beforeAll(async () => {
    const folder = await workspaceWith({ 'Notes/Embeds.md': note, 'Notes/Other.md': 'Other.\n' });
    html = renderBundleHtml(
      await bundleOf(folder, { specs: [], documents: ['Notes/Embeds.md'], include: [] }),
      {
        date,
        print: true,
      },
    ).html;
  });

  it('prints the user’s own properties, not other tools’ display settings', () => {
    const table = /<table class="properties">.*?<\/table>/s.exec(html)![0];
    expect([...table.matchAll(/<th scope="row">(.*?)<\/th>/g)].map((match) => match[1])).toEqual([
      'Owner',
      'Reviewed by',
    ]);
  });

  it('opens on a header block on its own first page: no cover page, no contents page', () => {
    expect({
      header: /<header class="cover cover-single" data-page="document-1">/.test(html),
      coverPage: html.includes('<section class="cover'),
      contents: html.includes('<nav class="contents"'),
    }).toEqual({ header: true, coverPage: false, contents: false });
  });
});
