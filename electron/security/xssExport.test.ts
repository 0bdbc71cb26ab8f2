import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xssSpec, xssStory } from '../../e2e/xssCorpus.js';
import { renderBundleHtml } from '../export/bundleHtml.js';
import { renderBundlePdf } from '../export/bundlePdf.js';
import { launchPdfPrinter } from '../export/pdfPrinter.js';
import { bundleOf, sampleCopy } from '../export/testing/exportFixtures.js';
import type { SpecBundle } from '../export/specBundle.js';

let canary: http.Server;
let canaryOrigin: string;
const hits: string[] = [];
let bundle: SpecBundle;

beforeAll(async () => {
  // Any request a payload or the printer made would land here.
  canary = http.createServer((request, response) => {
    hits.push(request.url ?? '');
    response.end('canary');
  });
  await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
  canaryOrigin = `http://127.0.0.1:${(canary.address() as AddressInfo).port}`;
  const folder = await sampleCopy();
  await fs.writeFile(path.join(folder, 'specs', 'xss-corpus.md'), xssSpec(canaryOrigin));
  await fs.writeFile(path.join(folder, 'stories', 'xss-story.md'), xssStory(canaryOrigin));
  bundle = await bundleOf(folder, { specs: ['SPEC-90', 'SPEC-1'], include: ['stories', 'matrix'] });
}, 30_000);

afterAll(async () => {
  await new Promise<void>((resolve) => canary.close(() => resolve()));
});

describe('the XSS corpus exported', () => {
  it('to PDF: the printer is asked for nothing outside the bundle and the canary hears nothing', async () => {
    const blocked: string[] = [];
    const printed = await renderBundlePdf(bundle, {
      date: new Date('2026-11-26T00:00:00Z'),
      launchPrinter: async () => {
        const launched = await launchPdfPrinter();
        if (!launched.ok) return launched;
        const printer = launched.printer;
        return {
          ok: true,
          printer: {
            print: (html: string) => printer.print(html),
            close: async () => {
              blocked.push(...printer.blockedRequests);
              await printer.close();
            },
          },
        };
      },
    });
    expect({
      printed: printed.ok,
      stories: bundle.documents.some((document) => document.entry.key === 'STORY-90'),
      blocked,
      hits,
    }).toEqual({ printed: true, stories: true, blocked: [], hits: [] });
  }, 60_000);

  const leaks: [string, RegExp][] = [
    ['a script element', /<script/i],
    ['a frame, object or embed', /<(?:iframe|frame|object|embed)\b/i],
    ['a form', /<form\b/i],
    ['a base element', /<base\b/i],
    ['a meta refresh', /<meta[^>]+refresh/i],
    ['an event handler attribute', /<[a-z][^>]*\son[a-z]+\s*=/i],
    [
      'a javascript:, vbscript: or data:text link',
      /(?:href|src|action)\s*=\s*["']?\s*(?:javascript|vbscript|data:text)/i,
    ],
    ['an external stylesheet or import', /<link\b|<style[^>]*>[^<]*@import/i],
    [
      'an image or resource from the canary',
      new RegExp(`(?:src|srcset|poster|href)\\s*=\\s*["']?${'http://127\\.0\\.0\\.1'}[^"']*/fetched/`, 'i'),
    ],
  ];
  it.each(leaks)('to HTML: %s does not survive as markup', (_name, pattern) => {
    const { html } = renderBundleHtml(bundle, { date: new Date('2026-11-26T00:00:00Z') });
    expect(pattern.exec(html)?.[0] ?? null).toEqual(null);
  });
});
