import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfOutline } from './pdfOutline.js';
import { launchPdfPrinter, type ChromiumPrinter } from './pdfPrinter.js';

let printer: ChromiumPrinter;

beforeAll(async () => {
  const launched = await launchPdfPrinter();
  if (!launched.ok) throw new Error(launched.message);
  printer = launched.printer;
}, 60_000);

afterAll(() => printer.close());

const page = (body: string) =>
  `<!doctype html><meta charset="utf-8"><style>.next { break-before: page; }</style>${body}`;

describe('pdfOutline, on what Chromium prints', () => {
  it('gives every bookmark its page, parents before children, titles as written', async () => {
    const pdf = await printer.print(
      page(
        `<h1>1 Plain</h1><p>one</p>` +
          `<section class="next"><h2>1.1 Brackets (nested (twice)) and a \\ backslash</h2></section>` +
          `<section class="next"><h2>1.2 Accents: Überblick, café — “quoted”</h2><h3>1.2.1 東京 and emoji 🎉</h3></section>` +
          `<h1 class="next">2 Last &amp; final</h1>`,
      ),
    );
    expect(pdfOutline(pdf)).toEqual([
      { page: 1, text: '1 Plain' },
      { page: 2, text: '1.1 Brackets (nested (twice)) and a \\ backslash' },
      { page: 3, text: '1.2 Accents: Überblick, café — “quoted”' },
      { page: 3, text: '1.2.1 東京 and emoji 🎉' },
      { page: 4, text: '2 Last & final' },
    ]);
  }, 30_000);

  it('finds the pages of a long document, whose page tree Chromium nests', async () => {
    const sections = Array.from({ length: 40 }, (_, index) => `<h1 class="next">Part ${index + 1}</h1>`);
    const outline = pdfOutline(await printer.print(page(sections.join(''))));
    expect(outline?.map((item) => `${item.text} p${item.page}`)).toEqual(
      Array.from({ length: 40 }, (_, index) => `Part ${index + 1} p${index + 1}`),
    );
  }, 30_000);

  it('says undefined for bytes that are not such a PDF, rather than guessing', () => {
    expect([
      pdfOutline(new TextEncoder().encode('not a pdf')),
      pdfOutline(new TextEncoder().encode('%PDF-1.4\ntrailer\n<</Root 1 0 R>>\nstartxref\n0\n%%EOF')),
    ]).toEqual([undefined, undefined]);
  });
});
