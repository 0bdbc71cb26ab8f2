import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderBundleHtml } from './bundleHtml.js';
import { renderBundlePdf } from './bundlePdf.js';
import { launchPdfPrinter, type PdfPrinter } from './pdfPrinter.js';
import { bundleOf, pdfFontNames, pdfPages, sampleCopy, workspaceWith } from './testing/exportFixtures.js';
import type { SpecBundle } from './specBundle.js';

const date = new Date('2026-11-25T12:00:00Z');
const contentsLine = /^\s*(\d+(?:\.\d+)?)\s{2,}(.+?)\s{2,}(\d+)\s*$/;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('the sample bundle as a PDF', () => {
  let bundle: SpecBundle;
  let pages: string[];
  let passes: { contentsPaged: boolean; passes: number };
  let headingPages: ReadonlyMap<string, number>;
  let destinations: number;
  let fonts: string[];
  const samePages = (found: ReadonlyMap<string, number>) =>
    found.size === headingPages.size && [...found].every(([id, page]) => headingPages.get(id) === page);

  beforeAll(async () => {
    bundle = await bundleOf(await sampleCopy(), {
      specs: 'all',
      include: ['stories', 'faqs', 'roadmap', 'matrix'],
    });
    const printed = await renderBundlePdf(bundle, { date, version: 'commit 1234567 · tag v1.0' });
    if (!printed.ok) throw new Error(printed.message);
    pages = await pdfPages(printed.pdf);
    fonts = await pdfFontNames(printed.pdf);
    passes = { contentsPaged: printed.contentsPaged, passes: printed.passes };
    headingPages = printed.pages;
    destinations =
      Buffer.from(printed.pdf)
        .toString('latin1')
        .match(/\/Dest\b/g)?.length ?? 0;
  }, 60_000);

  it('prints in its own embedded fonts, whatever the machine has installed', () => {
    expect(fonts).toEqual(['Inter-Bold', 'Inter-Regular', 'Inter-SemiBold', 'JetBrainsMono-Regular']);
  });

  it('contains every requirement key of the bundle', () => {
    const text = pages.join('\n');
    const keys = bundle.documents.flatMap((document) =>
      document.entry.requirements.map((requirement) => requirement.key),
    );
    expect([keys.length > 10, keys.filter((key) => !new RegExp(`\\b${key}\\b`).test(text))]).toEqual([
      true,
      [],
    ]);
  });

  it('lists every heading in the contents with the page the heading is on', () => {
    const expected = renderBundleHtml(bundle, { date }).contents.map(
      (heading) => `${heading.number} ${heading.text}`,
    );
    const firstDocument = pages.findIndex((page) => /^\s*1\s+\S.*$/m.test(page) && !/Contents/.test(page));
    const listed = pages
      .slice(1, firstDocument)
      .flatMap((page) => page.split('\n'))
      .map((line) => contentsLine.exec(line))
      .filter((match) => match !== null)
      .map((match) => ({ heading: `${match[1]} ${match[2]}`, page: Number(match[3]) }));
    const misplaced = listed.filter(({ heading, page }) => {
      const [number, ...title] = heading.split(' ');
      const line = new RegExp(`^\\s*${escapeRegex(number!)}\\s+${escapeRegex(title.join(' '))}\\s*$`, 'm');
      return !line.test(pages[page - 1] ?? '');
    });
    expect({ listed: listed.map((entry) => entry.heading), misplaced }).toEqual({
      listed: expected,
      misplaced: [],
    });
  });

  it('makes every internal link (contents, keys, matrix) a clickable link inside the PDF', () => {
    const internal = renderBundleHtml(bundle, { date, print: true }).html.match(/\shref="#/g)?.length ?? 0;
    expect([internal > 100, destinations >= internal]).toEqual([true, true]);
  });

  it('numbers the contents from the layout and prints once, the outline agreeing', () => {
    expect(passes).toEqual({ contentsPaged: true, passes: 1 });
  });

  it('prints again with the outline’s pages when the layout’s numbers were wrong', async () => {
    const launched = await launchPdfPrinter();
    if (!launched.ok) throw new Error(launched.message);
    const real = launched.printer;
    // A layout one page off everywhere: the outline must catch it and the second print fix it.
    const printer: PdfPrinter = {
      print: (html) => real.print(html),
      printPaged: async (html) => {
        const printed = await real.printPaged!(html);
        return { pdf: printed.pdf, pages: new Map([...printed.pages].map(([id, page]) => [id, page + 1])) };
      },
      close: () => real.close(),
    };
    try {
      const printed = await renderBundlePdf(bundle, { date, printer });
      expect(
        printed.ok && {
          passes: printed.passes,
          contentsPaged: printed.contentsPaged,
          same: samePages(printed.pages),
        },
      ).toEqual({ passes: 2, contentsPaged: true, same: true });
    } finally {
      await real.close();
    }
  }, 60_000);

  it('says "Page N of M" on every page', () => {
    const missing = pages
      .map((page, index) => (page.includes(`Page ${index + 1} of ${pages.length}`) ? undefined : index + 1))
      .filter((page) => page !== undefined);
    expect([pages.length > 5, missing]).toEqual([true, []]);
  });

  it('heads each page with the workspace and the title of the document on it, and the cover with nothing', () => {
    const starts = renderBundleHtml(bundle, { date })
      .contents.filter((heading) => heading.level === 1)
      .map((heading) => ({ page: headingPages.get(heading.id) ?? Number.NaN, title: heading.text }));
    const expected = pages.map((_page, index) => {
      if (index === 0) return 'ACMECHECKOUT';
      const current = starts.filter((start) => start.page <= index + 1).at(-1);
      return `Acme Checkout | ${current?.title ?? 'Acme Checkout specifications'}`;
    });
    const headers = pages.map((page, index) => (index === 0 ? letters(headerLine(page)) : headerLine(page)));
    expect([starts.length > 10, headers]).toEqual([true, expected]);
  });

  it('prints the workspace, the version and the date on the cover', () => {
    const cover = pages[0]!;
    expect([
      letters(cover).includes('ACMECHECKOUT'),
      ...['commit 1234567 · tag v1.0', '25 November 2026'].map((text) => cover.includes(text)),
    ]).toEqual([true, true, true]);
  });
});

/**
 * Letter-spaced text (the cover's workspace label) without spaces: pdftotext's layout mode puts a
 * space wherever the gap between two glyphs is wide, so its word breaks there are not the text's.
 */
function letters(text: string): string {
  return text.replace(/\s+/g, '');
}

/** A page's first line, its columns joined by ` | `. */
function headerLine(page: string): string {
  const line = page.split('\n').find((text) => text.trim() !== '') ?? '';
  return line
    .trim()
    .split(/\s{2,}/)
    .join(' | ');
}

describe('running headers with hostile titles', () => {
  const titles = [
    'Quote " and back\\slash \\" }@page{x',
    'Ends the style </style><script>alert(1)</script>',
    "Line one\nline two ' <!-- *{}",
  ];
  let html: string;
  let pages: string[];

  beforeAll(async () => {
    const folder = await workspaceWith(
      Object.fromEntries(
        titles.map((title, index) => [
          `specs/hostile-${index + 1}.md`,
          `---\nkey: SPEC-${index + 1}\ntype: spec\ntitle: ${JSON.stringify(title)}\n---\n## Body\n\nText of spec ${index + 1}.\n`,
        ]),
      ),
    );
    const bundle = await bundleOf(folder, { specs: 'all', include: [] });
    html = renderBundleHtml(bundle, { date, print: true }).html;
    const printed = await renderBundlePdf(bundle, { date });
    if (!printed.ok) throw new Error(printed.message);
    pages = await pdfPages(printed.pdf);
  }, 60_000);

  it('keeps the stylesheet whole: its only end is the real one', () => {
    expect([html.match(/<\/style/gi)?.length, html.includes('</style>\n</head>')]).toEqual([1, true]);
  });

  // pdftotext drops some spaces beside punctuation at 8 pt, so headers are compared without spaces.
  it('shows each title in the header of its pages, with the footer on every page', () => {
    const headers = pages.slice(2).map((page) => headerLine(page).replace(/\s+/g, ''));
    const footers = pages.filter((page, index) => page.includes(`Page ${index + 1} of ${pages.length}`));
    expect({ headers, footers: footers.length }).toEqual({
      headers: titles.map((title) => `Testworkspace|${title.replace(/\s+/g, '')}`),
      footers: pages.length,
    });
  });
});

describe('printing untrusted content', () => {
  let server: Server;
  let origin: string;
  const requests: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('neither runs a document’s script nor fetches its remote images', async () => {
    const folder = await workspaceWith({
      'specs/hostile.md': `---\nkey: SPEC-1\ntype: spec\ntitle: Hostile\n---\n## Body\n\n<script>fetch('${origin}/script')</script>\n\n![remote chart](${origin}/markdown-image.png)\n\n<img src="${origin}/html-image.png" onerror="fetch('${origin}/onerror')">\n\n<iframe src="${origin}/frame"></iframe>\n\n<style>@import url(${origin}/style.css);</style>\n\n[click](javascript:fetch('${origin}/link'))\n`,
    });
    const bundle = await bundleOf(folder, { specs: ['SPEC-1'], include: [] });
    const printed = await renderBundlePdf(bundle, { date });
    const text = printed.ok ? (await pdfPages(printed.pdf)).join('\n') : printed.message;
    expect({ printed: printed.ok, requests, altShown: text.includes('remote chart') }).toEqual({
      printed: true,
      requests: [],
      altShown: true,
    });
  }, 30_000);

  it('keeps scripts and the network off even for HTML that skipped the sanitiser', async () => {
    const launched = await launchPdfPrinter();
    if (!launched.ok) throw new Error(launched.message);
    try {
      await launched.printer.print(
        `<!doctype html><img src="${origin}/raw.png"><script>fetch('${origin}/raw-script'); document.write('ran')</script><link rel="stylesheet" href="${origin}/raw.css">`,
      );
      expect({ requests, blocked: [...launched.printer.blockedRequests].sort() }).toEqual({
        requests: [],
        blocked: [`${origin}/raw.css`, `${origin}/raw.png`],
      });
    } finally {
      await launched.printer.close();
    }
  }, 30_000);
});

describe('printing without the tools', () => {
  let bundle: SpecBundle;

  beforeAll(async () => {
    bundle = await bundleOf(await sampleCopy(), { specs: ['SPEC-1'], include: [] });
  });

  async function withEnvironment<T>(name: string, value: string, run: () => Promise<T>): Promise<T> {
    const saved = process.env[name];
    process.env[name] = value;
    try {
      return await run();
    } finally {
      if (saved === undefined) delete process.env[name];
      else process.env[name] = saved;
    }
  }

  it('explains in one line that Chromium is missing', async () => {
    const printed = await withEnvironment('SPECBENCH_CHROMIUM', '/nonexistent/chromium', () =>
      renderBundlePdf(bundle, { date }),
    );
    const summary = printed.ok ? 'printed' : `${printed.error}: ${printed.message.split(':')[0]}`;
    expect(summary).toEqual(
      'no-browser: cannot start Chromium to print the PDF (install chromium or set SPECBENCH_CHROMIUM)',
    );
  });

  it('pages the contents on a machine without poppler: the outline is read from the PDF itself', async () => {
    const printed = await withEnvironment('PATH', '/nonexistent', () => renderBundlePdf(bundle, { date }));
    expect(printed.ok && { contentsPaged: printed.contentsPaged, warning: printed.warning }).toEqual({
      contentsPaged: true,
      warning: undefined,
    });
  }, 30_000);
});
