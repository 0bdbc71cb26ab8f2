/**
 * One PDF printer kept running between exports (browser mode's server): Chromium's start is most of
 * a small export, so the second export prints at once. An export that finds it busy gets a printer
 * of its own, closed after; a printer that failed is closed, and the next export starts a fresh one;
 * one left unused for `idleMs` is closed to give its memory back.
 */
import type { LaunchResult, PdfPrinter, PrinterLauncher } from './pdfPrinter.js';

export class WarmPrinter {
  private warm: Promise<LaunchResult<PdfPrinter>> | undefined;
  private busy = false;
  private closed = false;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly launch: PrinterLauncher,
    private readonly idleMs = 10 * 60_000,
  ) {}

  /** Pass as an export's `launchPrinter`: the export's `close()` hands the printer back. */
  readonly launcher: PrinterLauncher = async () => {
    if (this.busy || this.closed) return this.launch();
    this.busy = true;
    clearTimeout(this.idleTimer);
    this.warm ??= this.launch();
    const launched = await this.warm;
    if (!launched.ok) {
      this.warm = undefined;
      this.busy = false;
      return launched;
    }
    const printer = launched.printer;
    let failed = false;
    let released = false;
    const watched = async <T>(printing: Promise<T>): Promise<T> => {
      try {
        return await printing;
      } catch (error) {
        failed = true;
        throw error;
      }
    };
    return {
      ok: true,
      printer: {
        print: (html) => watched(printer.print(html)),
        ...(printer.printPaged === undefined
          ? {}
          : { printPaged: (html: string) => watched(printer.printPaged!(html)) }),
        close: async () => {
          if (released) return;
          released = true;
          this.busy = false;
          if (failed || this.closed) await this.discard();
          else this.idleTimer = setTimeout(() => void this.discard(), this.idleMs).unref();
        },
      },
    };
  };

  /** Closes the printer; exports after this start their own. */
  async close(): Promise<void> {
    this.closed = true;
    if (!this.busy) await this.discard();
  }

  private async discard(): Promise<void> {
    clearTimeout(this.idleTimer);
    const warm = this.warm;
    this.warm = undefined;
    const launched = await warm;
    if (launched?.ok) await launched.printer.close().catch(() => undefined);
  }
}
