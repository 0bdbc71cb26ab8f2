import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocumentHtml } from './documentHtml.js';
import { activeContent } from './htmlSanitizer.js';
import { temporaryFolder } from './testing/exportFixtures.js';

const pixel = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('renderDocumentHtml', () => {
  let root: string;
  let outside: string;
  const anchors = new Map([
    ['SPEC-1', 'document-SPEC-1'],
    ['REQ-1', 'requirement-REQ-1'],
  ]);
  const titles = new Map([
    ['SPEC-1', 'Guest checkout'],
    ['REQ-1', 'Guests can pay without creating an account.'],
    ['SPEC-8', 'Gift <cards> & vouchers'],
  ]);

  beforeAll(async () => {
    const folder = await temporaryFolder();
    root = path.join(folder, 'workspace');
    await fs.mkdir(path.join(root, 'assets'), { recursive: true });
    await fs.mkdir(path.join(root, 'specs'), { recursive: true });
    await fs.writeFile(path.join(root, 'assets', 'flow.png'), pixel);
    outside = path.join(folder, 'secret.png');
    await fs.writeFile(outside, pixel);
  });

  const render = (body: string): string =>
    renderDocumentHtml(body, 'specs/a.md', '1', { root, anchors, titles }).html.trim();

  const cases: [string, string, string][] = [
    [
      'a key in the bundle, its title beside it',
      'See [[SPEC-1]].',
      '<p dir="auto">See <a class="reference" href="#document-SPEC-1"><span class="key">SPEC-1</span> <span class="key-title">Guest checkout</span></a>.</p>',
    ],
    [
      'a key with a label of its own',
      'See [[SPEC-1|the checkout spec]].',
      '<p dir="auto">See <a class="key" href="#document-SPEC-1">the checkout spec</a>.</p>',
    ],
    [
      'a key outside the bundle',
      'See [[SPEC-9|the other spec]].',
      '<p dir="auto">See <span class="key">the other spec</span>.</p>',
    ],
    ['a key no document has', 'See [[SPEC-9]].', '<p dir="auto">See <span class="key">SPEC-9</span>.</p>'],
    [
      'a key outside the bundle with a title, escaped',
      'See [[SPEC-8]].',
      '<p dir="auto">See <span class="reference"><span class="key">SPEC-8</span> <span class="key-title">Gift &lt;cards&gt; &amp; vouchers</span></span>.</p>',
    ],
    [
      'a requirement anchor, named after the requirement',
      'See [[SPEC-1#REQ-1]].',
      '<p dir="auto">See <a class="reference" href="#requirement-REQ-1"><span class="key">SPEC-1 › REQ-1</span> <span class="key-title">Guests can pay without creating an account.</span></a>.</p>',
    ],
    ['a reference in code', '`[[SPEC-1]]`', '<p dir="auto"><code>[[SPEC-1]]</code></p>'],
    [
      'a remote image',
      '![Funnel](https://example.com/f.png)',
      '<p dir="auto"><span class="image-alt">Remote image not fetched: https://example.com/f.png (Funnel)</span></p>',
    ],
    [
      'an image outside the workspace',
      '![Secret](../../secret.png)',
      '<p dir="auto"><span class="image-alt">Image outside the workspace: ../../secret.png (Secret)</span></p>',
    ],
    [
      'a missing image names its file',
      '![](../assets/gone.png)',
      '<p dir="auto"><span class="image-alt">Image not found: ../assets/gone.png</span></p>',
    ],
    [
      'a collapsed <details> prints open, so nothing inside it is lost',
      '<details>\n<summary>Plan</summary>\n\nStep one.\n\n</details>',
      '<details open>\n<summary>Plan</summary>\n\n<p dir="auto">Step one.</p>\n</details>',
    ],
    [
      'an in-document link goes to the heading by its GitHub id',
      '[see](#edge-cases-and-limits)\n\n## Edge cases, and limits!',
      '<p dir="auto"><a href="#d1-edge-cases-and-limits">see</a></p>\n<h2 id="d1-edge-cases-and-limits" dir="auto"><span class="number">1.1</span> Edge cases, and limits!</h2>',
    ],
    ['a script link', '[go](javascript:alert(1))', '<p dir="auto"><span class="unlinked">go</span></p>'],
    [
      'a web link',
      '[site](https://example.com)',
      '<p dir="auto"><a href="https://example.com" class="external">site</a></p>',
    ],
    ['a script block', '<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    [
      'inline HTML: tags the editor shows kept bare, an image sanitised and named when it cannot be embedded',
      'Press <kbd class="k">Enter</kbd> H<sub>2</sub>O<br><span style="color:red">red</span> <img src=x onerror=alert(1)>',
      '<p dir="auto">Press <kbd>Enter</kbd> H<sub>2</sub>O<br><span>red</span> <span class="image-alt">Not an image: x</span></p>',
    ],
    [
      "an HTML block through the editor's policy: attributes kept, styles and handlers gone, a remote image not fetched",
      '<div align="center" style="color:red" onclick="x()"><img src="https://example.com/a.png" width="300"><br><a href="https://example.com">site</a> <a href="javascript:x">bad</a></div>',
      '<div align="center"><span class="image-alt">Remote image not fetched: https://example.com/a.png</span><br><a href="https://example.com">site</a> <a>bad</a></div>',
    ],
    [
      'a whole <details> block prints open',
      '<details><summary>Plan</summary>Step one.</details>',
      '<details open=""><summary>Plan</summary>Step one.</details>',
    ],
    [
      'a third-level heading, numbered under its section; a fourth not',
      '## Problem\n\n### Edge cases\n\n#### Detail',
      '<h2 id="d1-problem" dir="auto"><span class="number">1.1</span> Problem</h2>\n<h3 id="d1-edge-cases" dir="auto"><span class="number">1.1.1</span> Edge cases</h3>\n<h4 id="d1-detail" dir="auto">Detail</h4>',
    ],
    [
      "a note's H1 with ## under it: both numbered, one level apart",
      '# Maya notes\n\n## Open points',
      '<h2 id="d1-maya-notes" dir="auto"><span class="number">1.1</span> Maya notes</h2>\n<h3 id="d1-open-points" dir="auto"><span class="number">1.1.1</span> Open points</h3>',
    ],
    [
      'levels the document skips leave no gap',
      '# Notes\n\n### Open points',
      '<h2 id="d1-notes" dir="auto"><span class="number">1.1</span> Notes</h2>\n<h3 id="d1-open-points" dir="auto"><span class="number">1.1.1</span> Open points</h3>',
    ],
    [
      'a section heading',
      '## Problem',
      '<h2 id="d1-problem" dir="auto"><span class="number">1.1</span> Problem</h2>',
    ],
  ];
  it.each(cases)('%s', (_, body, expected) => {
    expect(render(body)).toEqual(expected);
  });

  it('embeds an image from the workspace as a data URI', () => {
    expect(render('![Flow](../assets/flow.png)')).toEqual(
      `<p dir="auto"><img src="data:image/png;base64,${pixel.toString('base64')}" alt="Flow"></p>`,
    );
  });

  it('renders a requirement block as a card with its badges and roadmap links', () => {
    const html = render(
      ':::requirement{#REQ-1 priority=must status=approved roadmap=RM-1}\nGuests can pay.\n\n- Given a cart\n:::\n\nAfter.',
    );
    expect(html.replace(/\n/g, '')).toEqual(
      '<section class="requirement" id="requirement-REQ-1" aria-label="Requirement REQ-1"><div class="requirement-header"><span class="requirement-key">REQ-1</span><span class="badge priority priority-must">must</span><span class="badge status status-approved">approved</span><span class="delivers">Delivers <span class="key">RM-1</span></span></div><div class="requirement-body"><p dir="auto">Guests can pay.</p><ul><li dir="auto">Given a cart</li></ul></div></section><p dir="auto">After.</p>',
    );
  });

  it('lets right-to-left text read right to left: each block takes its direction from its own words', () => {
    expect(
      render('## סיכום\n\nשלום עולם.\n\n- مرحبا\n\n| שם |\n| --- |\n| דנה |').replace(/\n/g, ''),
    ).toEqual(
      '<h2 id="d1-סיכום" dir="auto"><span class="number">1.1</span> סיכום</h2><p dir="auto">שלום עולם.</p><ul><li dir="auto">مرحبا</li></ul><table><thead><tr><th dir="auto">שם</th></tr></thead><tbody><tr><td dir="auto">דנה</td></tr></tbody></table>',
    );
  });

  it('collects numbered sections for the contents: the shallowest heading level, under the title', () => {
    const sections = (body: string, title?: string) =>
      renderDocumentHtml(body, 'specs/a.md', '3', { root, anchors, titles, ...(title ? { title } : {}) })
        .headings;
    expect([
      sections('# Summary\n\n## Problem\n\n# Plan\n\n## Steps'),
      sections('# Guest checkout\n\n## Problem\n\n### Detail\n\n## Plan', 'Guest checkout'),
    ]).toEqual([
      [
        { id: 'd3-summary', number: '3.1', text: 'Summary', level: 2 },
        { id: 'd3-plan', number: '3.2', text: 'Plan', level: 2 },
      ],
      [
        { id: 'd3-problem', number: '3.1', text: 'Problem', level: 2 },
        { id: 'd3-plan', number: '3.2', text: 'Plan', level: 2 },
      ],
    ]);
  });

  it("drops a note's own H1 equal to its title: its ## headings become the numbered sections", () => {
    const html = renderDocumentHtml(
      '# Callouts blocks\n\n## Open points\n\n### Risk',
      'Callouts blocks.md',
      '1',
      {
        root,
        anchors,
        titles,
        title: 'Callouts blocks',
      },
    ).html.trim();
    expect(html).toEqual(
      '<h2 id="d1-open-points" dir="auto"><span class="number">1.1</span> Open points</h2>\n<h3 id="d1-risk" dir="auto"><span class="number">1.1.1</span> Risk</h3>',
    );
  });

  it('leaves no active content in a hostile document', () => {
    const hostile = [
      '<script>x</script>',
      '<img src=x onerror=alert(1)>',
      '[a](javascript:x) [b](data:text/html,x) [c](JAVASCRIPT:x)',
      '<iframe src="https://example.com"></iframe>',
      '<a href="javascript:x">raw</a>',
      '![x](javascript:alert(1))',
      ':::requirement{#REQ-1 priority="<script>" status=x}\n<b onmouseover=x>t</b>\n:::',
    ].join('\n\n');
    expect(activeContent(render(hostile))).toEqual([]);
  });

  it("prints a paragraph's single newline as a line break where the workspace shows one", () => {
    const body = 'First line\nSecond line\n\n> [!note] Plan\n> one\n> two\n';
    const lines = renderDocumentHtml(body, 'a.md', '1', { root, anchors, titles, softBreaks: 'line' }).html;
    expect(lines).toContain('First line<br>Second line');
    expect(lines).toMatch(/one<br>two/);
    expect(render(body)).toContain('First line\nSecond line');
  });
});
