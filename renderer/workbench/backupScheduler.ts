/**
 * Backs up a dirty buffer about a second after a change, with at most one backup in flight, and
 * discards the backup once a save has put the text on disk. Serializing a long document takes
 * tens of milliseconds, so the backup waits for a pause in typing long enough for autosave to go
 * first (a save that lands leaves nothing to back up), but never longer than `backupLatestMs`: a
 * long run of keystrokes, or a save that keeps failing, is still covered.
 */
import type { FileVersion, SpecbenchApi } from '../../shared/contract/apiContract.js';

/** Earliest backup after the first unsaved change. */
export const backupDelayMs = 1000;
/** A gap between keystrokes this long, after autosave's own delay, counts as a pause. */
export const backupPauseMs = 250;
/** Latest backup after the first unsaved change, pause or not. */
export const backupLatestMs = 3000;

export interface BackupSnapshot {
  text: string;
  base: FileVersion;
}

type BackupApi = Pick<SpecbenchApi, 'backupDocument' | 'discardBackup'>;

export class BackupScheduler {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private firstChange: number | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private inFlight = false;
  private pending = false;
  /** Where the last backup went; a document renamed since has it moved by the next backup. */
  private writtenPath: string | undefined;
  /** While a recovered backup awaits the user's choice, nothing may overwrite or delete it. */
  private held = true;

  constructor(
    private readonly api: BackupApi,
    /** Autosave's delay: a pause waits it out, so a save that lands first makes the backup unneeded. */
    private readonly autosaveDelayMs: number,
    /** The document's current path: renaming it after its title keeps the session. */
    private readonly path: () => string,
    /** The text to keep and the version it started from; undefined when it equals the disk. */
    private readonly snapshot: () => BackupSnapshot | undefined,
  ) {}

  changed(): void {
    if (this.held) return;
    const now = Date.now();
    this.firstChange ??= now;
    const due = Math.min(
      Math.max(this.firstChange + backupDelayMs, now + this.autosaveDelayMs + backupPauseMs),
      this.firstChange + backupLatestMs,
    );
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.firstChange = undefined;
      this.run();
    }, due - now);
  }

  /** Backs up what is pending now (the document is being left). */
  flush(): void {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.firstChange = undefined;
    this.run();
  }

  /** After a save that left the buffer clean. */
  discard(): void {
    const path = this.writtenPath;
    if (path === undefined || this.held) return;
    this.writtenPath = undefined;
    void this.enqueue(() => this.api.discardBackup({ path }));
  }

  /** `adopted`: the held backup now stands for this buffer, so the next clean save discards it. */
  release(adopted = false): void {
    this.held = false;
    if (adopted) this.writtenPath = this.path();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.firstChange = undefined;
  }

  private run(): void {
    if (this.held) return;
    if (this.inFlight) {
      this.pending = true;
      return;
    }
    const snapshot = this.snapshot();
    if (!snapshot) return;
    this.inFlight = true;
    const path = this.path();
    const previous = this.writtenPath;
    this.writtenPath = path;
    // The new backup lands before the one under the old name goes, so one always exists.
    void this.enqueue(async () => {
      await this.api.backupDocument({ path, ...snapshot });
      if (previous !== undefined && previous !== path) await this.api.discardBackup({ path: previous });
    }).finally(() => {
      this.inFlight = false;
      if (this.pending) {
        this.pending = false;
        this.run();
      }
    });
  }

  /** Backups and discards reach the main side in the order they were made. */
  private enqueue(call: () => Promise<unknown>): Promise<unknown> {
    const next = this.queue.then(call).catch(() => undefined);
    this.queue = next;
    return next;
  }
}
