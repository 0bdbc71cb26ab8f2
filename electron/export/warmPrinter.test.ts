import { describe, expect, it } from 'vitest';
import { launchPdfPrinter, type LaunchResult, type PdfPrinter } from './pdfPrinter.js';
import { WarmPrinter } from './warmPrinter.js';

const page = '<!doctype html><p>One line.</p>';

/** The real Chromium printer, counting starts and closes. */
function counted(): { launch: () => Promise<LaunchResult<PdfPrinter>>; starts: number; closes: number } {
  const counts = {
    starts: 0,
    closes: 0,
    launch: async (): Promise<LaunchResult<PdfPrinter>> => {
      counts.starts++;
      const launched = await launchPdfPrinter();
      if (!launched.ok) return launched;
      const { printer } = launched;
      return {
        ok: true,
        printer: {
          print: (html) => printer.print(html),
          close: () => {
            counts.closes++;
            return printer.close();
          },
        },
      };
    },
  };
  return counts;
}

async function printWith(warm: WarmPrinter, html = page): Promise<number> {
  const launched = await warm.launcher();
  if (!launched.ok) throw new Error(launched.message);
  try {
    return (await launched.printer.print(html)).byteLength;
  } finally {
    await launched.printer.close();
  }
}

describe('WarmPrinter', () => {
  it('prints three exports with one Chromium and closes it when told', async () => {
    const chromium = counted();
    const warm = new WarmPrinter(chromium.launch);
    const sizes = [await printWith(warm), await printWith(warm), await printWith(warm)];
    const before = { starts: chromium.starts, closes: chromium.closes };
    await warm.close();
    expect({ printed: sizes.every((size) => size > 0), before, after: chromium.closes }).toEqual({
      printed: true,
      before: { starts: 1, closes: 0 },
      after: 1,
    });
  }, 60_000);

  it('gives an export that finds it busy a printer of its own, closed after', async () => {
    const chromium = counted();
    const warm = new WarmPrinter(chromium.launch);
    const first = await warm.launcher();
    const second = await warm.launcher();
    if (!first.ok || !second.ok) throw new Error('no printer');
    await second.printer.print(page);
    await second.printer.close();
    const whileBusy = { starts: chromium.starts, closes: chromium.closes };
    await first.printer.close();
    await warm.close();
    expect({ whileBusy, closes: chromium.closes }).toEqual({
      whileBusy: { starts: 2, closes: 1 },
      closes: 2,
    });
  }, 60_000);

  it('replaces a printer that failed', async () => {
    let starts = 0;
    const failing: PdfPrinter = {
      print: () => Promise.reject(new Error('crashed')),
      close: () => Promise.resolve(),
    };
    const warm = new WarmPrinter(() => {
      starts++;
      return Promise.resolve({ ok: true, printer: failing });
    });
    const outcomes = [];
    for (let run = 0; run < 2; run++)
      outcomes.push(await printWith(warm).catch((error: Error) => error.message));
    await warm.close();
    expect({ outcomes, starts }).toEqual({ outcomes: ['crashed', 'crashed'], starts: 2 });
  });

  it('closes an idle printer after its time and starts another for the next export', async () => {
    const chromium = counted();
    const warm = new WarmPrinter(chromium.launch, 50);
    await printWith(warm);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const idle = chromium.closes;
    await printWith(warm);
    await warm.close();
    expect({ idle, starts: chromium.starts, closes: chromium.closes }).toEqual({
      idle: 1,
      starts: 2,
      closes: 2,
    });
  }, 60_000);
});
