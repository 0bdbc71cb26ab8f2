import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NameResolver } from '../../shared/model/nameResolver.js';
import { renderDocumentHtml } from './documentHtml.js';
import { activeContent } from './htmlSanitizer.js';
import { temporaryFolder } from './testing/exportFixtures.js';
import { writeFiles } from '../testing/writeFiles.js';

const pixel = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('callouts, links by name and embeds in the export', () => {
  let root: string;
  const files: Record<string, string> = {
    'Notes/Plan.md': '# Plan\n',
    'Notes/Roadmap.md': '# Roadmap\n\n## Q1\n\nSearch.\n\n## Q2\n\nGuest checkout ships.\n',
    'Notes/Loop.md': 'Before ![[Loop]] after\n',
    'Notes/Switcher.md': '# Quick switcher\n\nType to search. ^search-autocomplete\n',
    'specs/checkout.md': '---\nkey: SPEC-1\n---\n# Checkout\n',
  };
  const titles = new Map([
    ['Notes/Roadmap.md', 'Roadmap'],
    ['specs/checkout.md', 'Guest checkout'],
    ['Notes/Switcher.md', 'Quick switcher'],
  ]);
  const names = new NameResolver(
    Object.keys(files).map((file) => ({ path: file })),
    ['images/chart.png'],
  );

  beforeAll(async () => {
    root = path.join(await temporaryFolder(), 'vault');
    await writeFiles(root, files);
    await fs.mkdir(path.join(root, 'images'));
    await fs.writeFile(path.join(root, 'images', 'chart.png'), pixel);
  });

  const render = (body: string): string =>
    renderDocumentHtml(body, 'Notes/Plan.md', '1', {
      root,
      anchors: new Map([['SPEC-1', 'document-SPEC-1']]),
      titles: new Map(),
      resolveName: (link, from) => {
        const found = names.resolve(link, from);
        if (found.kind !== 'found' && found.kind !== 'ambiguous') return undefined;
        const key = found.path === 'specs/checkout.md' ? 'SPEC-1' : undefined;
        return { path: found.path, title: titles.get(found.path) ?? found.path, ...(key ? { key } : {}) };
      },
    }).html.trim();

  it('captions a block embed with the note’s title alone, not its block id', () => {
    const html = render('![[Switcher#^search-autocomplete]]');
    expect(html.match(/<span class="embed-source">[^<]*<\/span>/)?.[0]).toBe(
      '<span class="embed-source">Embedded from Quick switcher</span>',
    );
  });

  it('prints an image written with no folder from the one file of that name, as Obsidian shows it', () => {
    expect(render('![Chart](chart.png#interface)')).toBe(
      `<p dir="auto"><img src="data:image/png;base64,${pixel.toString('base64')}" alt="Chart"></p>`,
    );
  });

  const cases: [string, string, string][] = [
    [
      'a callout with its title and body',
      '> [!tip] Try this\n> Pay as a **guest**.\n',
      '<div class="callout callout-tip">\n<p class="callout-title">Try this</p>\n<p dir="auto">Pay as a <strong>guest</strong>.</p>\n</div>',
    ],
    [
      'a folded GitHub alert, printed open and titled by its type',
      '> [!WARNING]-\n> Limits apply.\n',
      '<div class="callout callout-warning">\n<p class="callout-title">Warning</p>\n<p dir="auto">Limits apply.</p>\n</div>',
    ],
    [
      'a link by name to a note outside the bundle: its title and heading',
      'See [[Roadmap#Q2]].',
      '<p dir="auto">See <span class="name-link outside" title="Notes/Roadmap.md">Roadmap › Q2</span><span class="outside-note"> (not included)</span>.</p>',
    ],
    [
      'a link by name to a document in the bundle, with a label',
      'See [[checkout|the spec]].',
      '<p dir="auto">See <a class="name-link" href="#document-SPEC-1">the spec</a>.</p>',
    ],
    [
      'a link to nothing',
      'See [[Nowhere]].',
      '<p dir="auto">See <span class="name-link missing">Nowhere</span>.</p>',
    ],
    [
      'an image embed at its size',
      '![[chart.png|120]]',
      `<p dir="auto"><img src="data:image/png;base64,${pixel.toString('base64')}" alt="images/chart.png" width="120"></p>`,
    ],
    [
      'a section embed, printed with its source',
      '![[Roadmap#Q2]]',
      '<div class="embed-block"><span class="embed-note"><span class="embed-source">Embedded from Roadmap › Q2</span><p class="embedded-heading" dir="auto">Q2</p>\n<p dir="auto">Guest checkout ships.</p>\n</span></div>',
    ],
    [
      'an image embedded inside a line stays in the line',
      'Click ![[chart.png|12]] then.',
      `<p dir="auto">Click <img class="inline-image" src="data:image/png;base64,${pixel.toString('base64')}" alt="images/chart.png" width="12"> then.</p>`,
    ],
    [
      'a note embedded inside a line cuts the line around its block',
      'Before ![[Roadmap#Q2]] after.',
      '<p dir="auto">Before</p>\n<div class="embed-block"><span class="embed-note"><span class="embed-source">Embedded from Roadmap › Q2</span><p class="embedded-heading" dir="auto">Q2</p>\n<p dir="auto">Guest checkout ships.</p>\n</span></div>\n<p dir="auto">after.</p>',
    ],
    [
      'a missing embed says which',
      '![[Gone.png]]',
      '<p dir="auto"><span class="image-alt">Embed not found: Gone.png</span></p>',
    ],
    [
      'a comment prints nowhere, a highlight as a mark',
      'Guests ==drop *off*== here%% ask Ravi %%.',
      '<p dir="auto">Guests <mark>drop <em>off</em></mark> here.</p>',
    ],
    [
      'a footnote reference links to its definition, printed where it is written',
      'Paid more[^1].\n\n[^1]: From the *March* report\n    and the survey.\n',
      '<p dir="auto">Paid more<sup class="footnote-ref"><a href="#d1-fn-1">1</a></sup>.</p>\n<div class="footnote" id="d1-fn-1"><sup>1</sup> From the <em>March</em> report\nand the survey.</div>',
    ],
    [
      'footnotes with labels print numbered in the order of their first reference',
      'A[^why] b[^source] c[^why].\n\n[^source]: S.\n[^why]: W.\n',
      '<p dir="auto">A<sup class="footnote-ref"><a href="#d1-fn-why">1</a></sup> b<sup class="footnote-ref"><a href="#d1-fn-source">2</a></sup> c<sup class="footnote-ref"><a href="#d1-fn-why">1</a></sup>.</p>\n<div class="footnote" id="d1-fn-source"><sup>2</sup> S.</div>\n<div class="footnote" id="d1-fn-why"><sup>1</sup> W.</div>',
    ],
    [
      'a block id prints nowhere, leaving an anchor its links land on',
      'Links go here. ^b15695\n\n- item ^in-list\n\nEnergy is mc^2',
      '<p dir="auto">Links go here. <span id="d1-block-b15695"></span></p>\n<ul>\n<li dir="auto">item <span id="d1-block-in-list"></span></li>\n</ul>\n<p dir="auto">Energy is mc^2</p>',
    ],
    [
      'math KaTeX cannot read prints as its source',
      'Cost $\\frac{a$ here.',
      '<p dir="auto">Cost <code class="math-source">$\\frac{a$</code> here.</p>',
    ],
  ];

  it('typesets inline and display math as MathML', () => {
    const html = render('Pay $x^2$ more.\n\n$$\n\\sum_i x_i\n$$\n');
    expect([
      html.match(/<math\b/g)?.length,
      html.includes('<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">'),
      html.includes('<msup><mi>x</mi><mn>2</mn></msup>'),
      activeContent(html),
    ]).toEqual([2, true, true, []]);
  });

  it.each(cases)('%s', (_name, markdown, html) => {
    expect(render(markdown)).toBe(html);
  });

  it('prints a note embedding itself two deep, then says so, with no active content', () => {
    const html = renderDocumentHtml('![[Loop]]', 'Notes/Loop.md', '1', {
      root,
      anchors: new Map(),
      titles: new Map(),
      resolveName: (link, from) => {
        const found = names.resolve(link, from);
        return found.kind === 'found' ? { path: found.path, title: 'Loop' } : undefined;
      },
    }).html;
    expect([
      html.match(/Embedded from Loop/g)?.length,
      html.includes('Embedded too deep to print'),
      activeContent(html),
    ]).toEqual([3, true, []]);
  });
});
