import { describe, expect, it } from 'vitest';
import { startPrinterEarly } from './earlyPrinter.js';
import type { PrinterLauncher } from './pdfPrinter.js';

function countingLauncher(): { launch: PrinterLauncher; closed: () => number; launched: () => number } {
  let closed = 0;
  let launched = 0;
  const launch: PrinterLauncher = () => {
    launched++;
    return Promise.resolve({
      ok: true,
      printer: {
        print: () => Promise.resolve(new Uint8Array()),
        close: () => {
          closed++;
          return Promise.resolve();
        },
      },
    });
  };
  return { launch, closed: () => closed, launched: () => launched };
}

describe('startPrinterEarly', () => {
  it('starts Chromium at once, hands the same printer to the export, and leaves closing it to the export', async () => {
    const counting = countingLauncher();
    const early = startPrinterEarly(counting.launch);
    const started = counting.launched();
    const taken = await early.launcher();
    await early.close();
    expect({ started, ok: taken.ok, launched: counting.launched(), closed: counting.closed() }).toEqual({
      started: 1,
      ok: true,
      launched: 1,
      closed: 0,
    });
  });

  it('closes the printer an export never took', async () => {
    const counting = countingLauncher();
    await startPrinterEarly(counting.launch).close();
    expect(counting.closed()).toEqual(1);
  });

  it('turns a launch that throws into a refusal the export reports', async () => {
    const early = startPrinterEarly(() => Promise.reject(new Error('spawn ENOENT')));
    expect(await early.launcher()).toEqual({
      ok: false,
      error: 'no-browser',
      message: 'cannot start Chromium to print the PDF: spawn ENOENT',
    });
  });
});
