import { beforeAll, describe, expect, it } from 'vitest';
import { bundleDiagrams } from './bundleDiagrams.js';
import { renderBundle } from './exportBundle.js';
import { bundleOf, pdfPages, workspaceWith } from './testing/exportFixtures.js';
import type { SpecBundle } from './specBundle.js';

const date = new Date('2026-11-25T12:00:00Z');
const flowchart = [
  '```mermaid',
  'flowchart LR',
  '  Cart["Cart <img src=x onerror=alert(1)>"] --> Pay{Paid?}',
  '  Pay -->|yes| Receipt',
  '  click Cart href "javascript:alert(2)"',
  '```',
].join('\n');
const broken = ['```mermaid', 'flowchart LR', '  Lost -->', '```'].join('\n');
const note = (body: string) => `---\ntitle: Checkout flow\n---\n# Checkout flow\n\n${body}\n`;

describe('Mermaid diagrams in exports', () => {
  let bundle: SpecBundle;
  let html: string;
  let launches: number;

  beforeAll(async () => {
    const folder = await workspaceWith({
      'notes/flow.md': note(
        `The flow:\n\n${flowchart}\n\nA broken one:\n\n${broken}\n\nThe same flow again:\n\n${flowchart}`,
      ),
    });
    bundle = await bundleOf(folder, { specs: [], documents: ['notes/flow.md'], include: [] });
    const rendered = await renderBundle(bundle, { format: 'html', date });
    if (!rendered.ok) throw new Error(rendered.message);
    html = new TextDecoder().decode(rendered.data);
  }, 60_000);

  it('prints each diagram drawn as a sanitised SVG, running nothing and linking nowhere', () => {
    const body = html.slice(html.indexOf('<body>'));
    const figures = (body.match(/<figure class="diagram">[\s\S]*?<\/figure>/g) ?? []).join('');
    expect({
      drawn: body.match(/<figure class="diagram"><svg /g)?.length,
      labels: body.includes('Receipt') && body.includes('Paid?'),
      script: /<script|onerror=|javascript:|<foreignObject|<a /i.test(figures),
      scriptAnywhere: /<script|onerror=|javascript:/i.test(body),
      sourceShown: body.includes('Pay --&gt;|yes| Receipt'),
    }).toEqual({
      drawn: 2,
      labels: true,
      script: false,
      scriptAnywhere: false,
      sourceShown: false,
    });
  });

  it('prints a diagram that cannot be drawn as its code and one line saying why', () => {
    const failed = /<div class="diagram-failed">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
    expect({
      code: failed.includes('Lost --&gt;'),
      reason: /<p class="diagram-error">Diagram not drawn: Parse error on line \d+/.test(failed),
    }).toEqual({ code: true, reason: true });
  });

  it('draws all diagrams of a bundle in one go, and starts nothing for a bundle without one', async () => {
    launches = 0;
    const count = async (sources: readonly string[]) => {
      launches++;
      return new Map(sources.map((source) => [source, { ok: false as const, error: 'not drawn here' }]));
    };
    const plain = await bundleOf(await workspaceWith({ 'a.md': note('```js\nflowchart()\n```') }), {
      specs: [],
      documents: ['a.md'],
      include: [],
    });
    const drawn = [(await bundleDiagrams(bundle, count)).size, (await bundleDiagrams(plain, count)).size];
    expect({ drawn, launches }).toEqual({ drawn: [2, 0], launches: 1 });
  });

  it("draws a diagram that only an embedded note holds, as the host's own are drawn", async () => {
    const folder = await workspaceWith({
      'Flow.md': note(`The flow:\n\n${flowchart}`),
      'host.md': '# Host\n\nThe flow, embedded:\n\n![[Flow]]\n',
    });
    const host = await bundleOf(folder, { specs: [], documents: ['host.md'], include: [] });
    const rendered = await renderBundle(host, { format: 'html', date });
    const body = rendered.ok ? new TextDecoder().decode(rendered.data) : rendered.message;
    const embedded = body.slice(body.indexOf('<span class="embed-note">'));
    expect({
      drawn: embedded.match(/<figure class="diagram"><svg /g)?.length,
      sourceShown: body.includes('Pay --&gt;|yes| Receipt'),
    }).toEqual({ drawn: 1, sourceShown: false });
  }, 60_000);

  it('keeps the source in a Markdown export', async () => {
    const rendered = await renderBundle(bundle, { format: 'md', date });
    const markdown = rendered.ok ? new TextDecoder().decode(rendered.data) : rendered.message;
    expect(markdown.includes(flowchart)).toBe(true);
  });

  it('prints the drawn diagram in the PDF, not its code', async () => {
    const rendered = await renderBundle(bundle, { format: 'pdf', date });
    const text = rendered.ok ? (await pdfPages(rendered.data)).join('\n') : rendered.message;
    expect({
      labels: /Receipt/.test(text) && /Paid\?/.test(text),
      code: text.includes('|yes|'),
      broken: text.includes('Diagram not drawn'),
    }).toEqual({ labels: true, code: false, broken: true });
  }, 60_000);
});
