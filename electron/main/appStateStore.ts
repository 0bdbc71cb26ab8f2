/** Recent workspaces, window bounds and the spelling choice, kept with lowdb in the user-data folder, written atomically. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Low, type Adapter } from 'lowdb';
import { z } from 'zod';
import { writeFileAtomic } from '../engine/atomicFile.js';

const maxRecent = 10;

const boundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type WindowBounds = z.infer<typeof boundsSchema>;

const appStateSchema = z.object({
  version: z.literal(1).default(1),
  recentWorkspaces: z.array(z.string().min(1).max(4096)).max(maxRecent).default([]),
  windowBounds: boundsSchema.optional(),
  windowMaximized: z.boolean().default(false),
  /** The user's choice from Edit › Check Spelling; unset means the platform's default. */
  spelling: z.boolean().optional(),
});
export type AppState = z.infer<typeof appStateSchema>;

/** lowdb's JSONFile writes a fixed temp name without fsync; this goes through writeFileAtomic instead. */
class AtomicJsonAdapter implements Adapter<AppState> {
  /** Set when the file on disk was unreadable and set aside, so the user can be told. */
  quarantined: string | undefined;

  constructor(private readonly file: string) {}

  async read(): Promise<AppState | null> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch {
      return null;
    }
    try {
      return appStateSchema.parse(JSON.parse(text));
    } catch {
      this.quarantined = `${this.file}.corrupt-${Date.now()}`;
      await fs.rename(this.file, this.quarantined).catch(() => undefined);
      return null;
    }
  }

  async write(data: AppState): Promise<void> {
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    await writeFileAtomic(this.file, `${JSON.stringify(data, null, 2)}\n`);
  }
}

export class AppStateStore {
  private constructor(
    private readonly database: Low<AppState>,
    /** Where an unreadable state file was moved, if it was. */
    readonly quarantined: string | undefined,
  ) {}

  static async open(file: string): Promise<AppStateStore> {
    const adapter = new AtomicJsonAdapter(file);
    const database = new Low<AppState>(adapter, appStateSchema.parse({}));
    await database.read();
    return new AppStateStore(database, adapter.quarantined);
  }

  recentWorkspaces(): string[] {
    return [...this.database.data.recentWorkspaces];
  }

  lastWorkspace(): string | undefined {
    return this.database.data.recentWorkspaces[0];
  }

  /** Moves the folder to the front of the list, without duplicates. */
  async addRecentWorkspace(folder: string): Promise<void> {
    await this.database.update((data) => {
      data.recentWorkspaces = [folder, ...data.recentWorkspaces.filter((each) => each !== folder)].slice(
        0,
        maxRecent,
      );
    });
  }

  async removeRecentWorkspace(folder: string): Promise<void> {
    await this.database.update((data) => {
      data.recentWorkspaces = data.recentWorkspaces.filter((each) => each !== folder);
    });
  }

  windowState(): { bounds?: WindowBounds; maximized: boolean } {
    const { windowBounds, windowMaximized } = this.database.data;
    return windowBounds
      ? { bounds: { ...windowBounds }, maximized: windowMaximized }
      : { maximized: windowMaximized };
  }

  spelling(): boolean | undefined {
    return this.database.data.spelling;
  }

  async setSpelling(enabled: boolean): Promise<void> {
    await this.database.update((data) => {
      data.spelling = enabled;
    });
  }

  async setWindowState(bounds: WindowBounds, maximized: boolean): Promise<void> {
    const parsed = boundsSchema.safeParse(bounds);
    if (!parsed.success) return;
    await this.database.update((data) => {
      data.windowBounds = parsed.data;
      data.windowMaximized = maximized;
    });
  }
}
