/**
 * Runs the journeys of e2e/journeys.spec.ts: fast-check scripts of commands (models/journeyCommands.ts)
 * over browser mode, each in a fresh copy of one start workspace with its own `specbench serve`,
 * checked after every step (models/journeyModel.ts). The next journey's server starts while one runs,
 * and the pages share one browser context, so a journey costs its steps and little else.
 */
import { expect, type Browser } from '@playwright/test';
import fc from 'fast-check';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { commands, type Command } from './models/journeyCommands.js';
import {
  checkInvariants,
  initialModel,
  shown,
  type JourneyModel,
  type JourneyReal,
} from './models/journeyModel.js';
import { copyWorkspace, openApp, serve, type Served, type WorkspaceKind } from './specbenchTest.js';

export interface JourneyOptions {
  kind: WorkspaceKind;
  seed: number;
  /** The most commands one journey holds. */
  steps: number;
  /** Starts no new journey after this long (unless shrinking a failure). */
  timeLimitMs: number;
  /** Starts no new journey once this many steps have run. */
  floor?: number;
  /** Starts no new journey once this many have run. */
  journeys?: number;
  /** Replays one journey, as fast-check's failure report names it (`path: "2:4:4"`). */
  path?: string;
  /** Stops shrinking a failure after this long, and reports the shortest script found by then. */
  shrinkLimitMs: number;
}

export interface JourneyResult {
  steps: number;
  runs: number;
  /** How long each step took, command and checks. */
  stepMs: number[];
}

interface World {
  root: string;
  served: Served;
}

/** Start workspaces with their servers: the next one is made while a journey runs. */
class Worlds {
  private spare: Promise<World> | undefined;
  private readonly stopping: Promise<void>[] = [];

  constructor(private readonly made: Promise<string>) {}

  take(): Promise<World> {
    const world = this.spare ?? this.make();
    this.spare = undefined;
    return world;
  }

  makeNext(): void {
    if (this.spare) return;
    this.spare = this.make();
    // Its failure belongs to the journey that takes it.
    this.spare.catch(() => undefined);
  }

  release(world: World): void {
    this.stopping.push(stop(world));
  }

  async close(): Promise<void> {
    const spare = await this.spare?.catch(() => undefined);
    if (spare) this.release(spare);
    await Promise.all(this.stopping);
    await fs.rm(await this.made, { recursive: true, force: true });
  }

  private async make(): Promise<World> {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-journey-'));
    await fs.cp(await this.made, root, { recursive: true });
    return { root, served: await serve(root) };
  }
}

/** Stops the server, waiting (at most 5 s) for it to exit before its folder goes. */
async function stop({ root, served }: World): Promise<void> {
  const exited = new Promise<void>((resolve) => {
    if (served.process.exitCode !== null || served.process.signalCode !== null) resolve();
    served.process.once('exit', () => resolve());
    setTimeout(resolve, 5_000).unref();
  });
  served.process.kill('SIGTERM');
  await exited;
  await fs.rm(root, { recursive: true, force: true });
}

/** Runs the journeys; answers how many steps ran, or throws the shrunk counterexample. */
export async function runJourneys(browser: Browser, options: JourneyOptions): Promise<JourneyResult> {
  const result: JourneyResult = { steps: 0, runs: 0, stepMs: [] };
  let failed = false;
  const trace = process.env.SPECBENCH_JOURNEY_TRACE ? console.log : () => undefined;
  // One workspace made (init or the sample, a git commit) per test, copied for each journey: making
  // it spawns node and git, seconds on a busy machine, where a copy takes milliseconds.
  const worlds = new Worlds(copyWorkspace(options.kind));
  const context = await browser.newContext();
  const t0 = Date.now();
  const done = () =>
    !failed &&
    (Date.now() - t0 > options.timeLimitMs ||
      (options.floor !== undefined && result.steps >= options.floor) ||
      (options.journeys !== undefined && result.runs >= options.journeys));
  const property = fc.asyncProperty(
    fc.commands(commands, { maxCommands: options.steps, size: 'max' }),
    async (script) => {
      // Past the time limit or the floor, journeys not yet started pass untried (fast-check would
      // abandon a running one mid-step); once one has failed, every shrinking attempt runs.
      if (done()) return;
      const length = [...script].length;
      // An empty script checks nothing: it would cost a workspace, a server and a page for no step.
      if (length === 0) return;
      const world = await worlds.take();
      // The next journey's server starts now, unless this one is likely the last.
      const last =
        (options.floor !== undefined && result.steps + length >= options.floor) ||
        (options.journeys !== undefined && result.runs + 1 >= options.journeys);
      if (failed || !last) worlds.makeNext();
      const page = await context.newPage();
      page.on('dialog', (dialog) => void dialog.accept());
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const model = await initialModel(world.root);
      try {
        const app = await openApp(page, world.served.url);
        const real: JourneyReal = { page, app, root: world.root };
        await page.evaluate(() => history.replaceState({ depth: 0 }, ''));
        result.runs++;
        trace(`run ${result.runs} @ ${Date.now() - t0} ms`);
        const checked: Command[] = [...script].map((command) => ({
          check: (current: JourneyModel) => command.check(current) as boolean,
          run: async (current: JourneyModel, world: JourneyReal) => {
            const started = Date.now();
            result.steps++;
            await command.run(current, world);
            const ran = Date.now();
            const now = await shown(world, current.depth);
            current.depth = now.depth;
            await checkInvariants(current, world, now);
            expect(errors, 'uncaught errors in the page').toEqual([]);
            result.stepMs.push(Date.now() - started);
            trace(
              `step ${result.steps}: ${command.toString()} ${ran - started} + check ${Date.now() - ran} ms`,
            );
          },
          toString: () => command.toString(),
        }));
        await fc.asyncModelRun(() => Promise.resolve({ model, real }), checked);
      } catch (error) {
        const report = `${String(error)}\nSteps taken: ${model.log.join(' → ')}`;
        // The first failure shows at once: shrinking may take minutes, and a timeout would hide it.
        if (!failed || process.env.SPECBENCH_JOURNEY_TRACE)
          console.log(`journey ${result.runs} failed (seed ${options.seed}):\n${report}`);
        failed = true;
        throw new Error(report, { cause: error });
      } finally {
        await page.close();
        worlds.release(world);
      }
    },
  );
  try {
    // Enough scripts to reach the floor or the count: those drawn past it pass untried. fast-check
    // checks the time between journeys, so a running one always ends.
    await fc.assert(property, {
      seed: options.seed,
      numRuns: 10_000,
      endOnFailure: false,
      interruptAfterTimeLimit: options.timeLimitMs + options.shrinkLimitMs,
      ...(options.path === undefined ? {} : { path: options.path }),
    });
  } finally {
    await context.close();
    await worlds.close();
  }
  return result;
}

/** The median of some figures, 0 for none. */
export function median(figures: number[]): number {
  const sorted = [...figures].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : 0;
}
