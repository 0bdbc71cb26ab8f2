/**
 * Chromium started as soon as a PDF export is asked for, while the workspace opens and the exporter
 * loads: its start was the slowest step of a one-note export, and it waited for all the others.
 */
import type { LaunchResult, PdfPrinter, PrinterLauncher } from './pdfPrinter.js';

export interface EarlyPrinter {
  /** Pass as the export's `launchPrinter`: the export prints with it and closes it. */
  launcher: PrinterLauncher;
  /** Closes the printer when the export never took it (a refused request, a failed open). */
  close(): Promise<void>;
}

const launchChromium: PrinterLauncher = async () => (await import('./pdfPrinter.js')).launchPdfPrinter();

export function startPrinterEarly(launch: PrinterLauncher = launchChromium): EarlyPrinter {
  const launching: Promise<LaunchResult<PdfPrinter>> = launch().catch((error: unknown) => ({
    ok: false,
    error: 'no-browser',
    message: `cannot start Chromium to print the PDF: ${error instanceof Error ? error.message : String(error)}`,
  }));
  let taken = false;
  return {
    launcher: () => {
      taken = true;
      return launching;
    },
    async close() {
      if (taken) return;
      const launched = await launching;
      if (launched.ok) await launched.printer.close();
    },
  };
}
