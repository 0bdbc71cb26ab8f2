/**
 * A model-based test of the document lifecycle: fast-check picks what a person does next (create each
 * kind, type, rename by title, switch documents by the quick switcher, the navigator or Back, edit
 * the file from outside, reload, trash and undo, archive, move, pause) in random order and timing,
 * drives the real UI in browser mode, and checks the invariants of journeyModel.ts after every step.
 * A failure shrinks to a short script, printed with the seed. `npm test` runs a fixed seed under a
 * time limit; `npm run bench -- --journeys N` runs N journeys with random seeds.
 */
import { expect, test, type Browser } from '@playwright/test';
import fc from 'fast-check';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { copyWorkspace, openApp, serve, type WorkspaceKind } from './specbenchTest.js';
import {
  checkInvariants,
  cursorAtEnd,
  initialModel,
  newWord,
  observeOpen,
  editorText,
  settle,
  type JourneyModel,
  type JourneyReal,
} from './models/journeyModel.js';

type Command = fc.AsyncCommand<JourneyModel, JourneyReal>;
const kinds = { spec: 'New spec', story: 'New story', faq: 'New FAQ' } as const;
const titles = ['Refund window', 'Gift cards', 'Refund window', 'Split the bill', 'Årets plan'];
const sectionNames = { specs: 'Specs', stories: 'Stories', faqs: 'FAQs' } as const;

function documentAt(model: JourneyModel, index: number) {
  const live = [...model.documents.values()].filter((document) => !document.trashedTo);
  return live.length ? live[index % live.length] : undefined;
}

function logged(model: JourneyModel, step: string): void {
  model.log.push(step);
}

class Create implements Command {
  constructor(
    readonly kind: keyof typeof kinds,
    readonly title: string,
  ) {}
  check = () => true;
  async run(model: JourneyModel, real: JourneyReal) {
    logged(model, this.toString());
    await real.page.getByRole('button', { name: kinds[this.kind] }).click();
    await expect(real.app.title).toBeFocused();
    await real.app.title.fill(this.title);
    await real.app.title.press('Enter');
    await settle(real);
    await observeOpen(model, real);
    model.documents.get(model.open!)!.title = this.title;
  }
  toString = () => `create ${this.kind} "${this.title}"`;
}

class Type implements Command {
  constructor(readonly delay: number) {}
  check = (model: JourneyModel) => model.open !== undefined;
  async run(model: JourneyModel, real: JourneyReal) {
    const word = newWord(model);
    logged(model, `${this.toString()} ${word}`);
    await cursorAtEnd(real);
    await real.page.keyboard.type(` ${word}`, { delay: this.delay });
    model.documents.get(model.open!)!.words.push(word);
  }
  toString = () => `type (${this.delay} ms a key)`;
}

/** A 1×1 PNG: what the clipboard holds when a screenshot is pasted, as small as one gets. */
const pixel = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

class PasteImage implements Command {
  /** `away`: opens that other document at once, while the image is still being written. */
  constructor(readonly away: number | undefined) {}
  check = (model: JourneyModel) => model.open !== undefined;
  async run(model: JourneyModel, real: JourneyReal) {
    // Named by a new word, which the file's image link then holds.
    const word = newWord(model);
    const document = model.documents.get(model.open!)!;
    const target = this.away === undefined ? undefined : documentAt(model, this.away);
    const leaving = target && target !== document ? target : undefined;
    logged(model, `paste an image ${word}${leaving ? `, then at once open ${leaving.key}` : ''}`);
    await cursorAtEnd(real);
    await real.app.pasteImage(pixel, `${word}.png`);
    document.images.push(word);
    if (!leaving) {
      await expect(real.app.editor.getByRole('img', { name: word })).toBeVisible();
      return;
    }
    await real.app.goto(`#/doc/${leaving.path.split('/').map(encodeURIComponent).join('/')}`);
    await expect(real.page.locator('.document-header .path')).toHaveText(leaving.path);
    await observeOpen(model, real);
  }
  toString = () => `paste an image${this.away === undefined ? '' : `, then open #${this.away}`}`;
}

class Retitle implements Command {
  constructor(readonly title: string) {}
  check = (model: JourneyModel) => model.open !== undefined;
  async run(model: JourneyModel, real: JourneyReal) {
    logged(model, this.toString());
    await real.app.title.fill(this.title);
    await real.app.title.press('Enter');
    model.documents.get(model.open!)!.title = this.title;
    await settle(real);
    await observeOpen(model, real);
  }
  toString = () => `retitle "${this.title}"`;
}

class QuickSwitch implements Command {
  constructor(readonly index: number) {}
  check = (model: JourneyModel) => documentAt(model, this.index) !== undefined;
  async run(model: JourneyModel, real: JourneyReal) {
    const target = documentAt(model, this.index)!;
    logged(model, `quick switch to ${target.key}`);
    await real.page.keyboard.press('Control+P');
    await real.page.getByRole('combobox', { name: 'Go to document' }).fill(target.key);
    await real.page
      .getByRole('option', { name: new RegExp(`\\b${target.key}\\b`) })
      .first()
      .click();
    await expect(real.page.locator('.document-header .path')).toHaveText(target.path);
    await observeOpen(model, real);
  }
  toString = () => `quick switch #${this.index}`;
}

class NavigatorOpen implements Command {
  constructor(readonly index: number) {}
  check = (model: JourneyModel) => documentAt(model, this.index) !== undefined;
  async run(model: JourneyModel, real: JourneyReal) {
    const target = documentAt(model, this.index)!;
    logged(model, `navigator to ${target.key}`);
    const folder = target.path.split('/')[0] as keyof typeof sectionNames;
    const navigator = real.app.navigator;
    await navigator.getByRole('link', { name: sectionNames[folder] ?? 'Other' }).click();
    await navigator.getByRole('link', { name: new RegExp(`\\b${target.key}\\b`) }).click();
    await expect(real.page.locator('.document-header .path')).toHaveText(target.path);
    await observeOpen(model, real);
  }
  toString = () => `navigator #${this.index}`;
}

class Back implements Command {
  check = (model: JourneyModel) => model.depth > 0;
  async run(model: JourneyModel, real: JourneyReal) {
    logged(model, this.toString());
    await real.page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          window.addEventListener('hashchange', () => resolve(), { once: true });
          history.back();
        }),
    );
    if (new URL(real.page.url()).hash.startsWith('#/doc/')) {
      await expect(
        real.app.saveState.or(real.page.getByRole('heading', { name: 'This document cannot be opened' })),
      ).toBeVisible();
    }
    await observeOpen(model, real);
  }
  toString = () => 'back';
}

class OutsideEdit implements Command {
  constructor(readonly index: number) {}
  check = (model: JourneyModel) => documentAt(model, this.index) !== undefined;
  async run(model: JourneyModel, real: JourneyReal) {
    const target = documentAt(model, this.index)!;
    // Someone else edits a document that is saved: it reloads where it is open.
    if (target.key === model.open) await settle(real);
    const word = newWord(model);
    logged(model, `outside edit of ${target.key} ${word}`);
    await fs.appendFile(path.join(real.root, target.path), `\n\nOutside ${word}.\n`);
    target.words.push(word);
    if (target.key === model.open) await expect(real.app.editor).toContainText(word);
  }
  toString = () => `outside edit #${this.index}`;
}

class OutsideEditWhileTyping implements Command {
  constructor(readonly keepMine: boolean) {}
  check = (model: JourneyModel) => model.open !== undefined;
  async run(model: JourneyModel, real: JourneyReal) {
    const document = model.documents.get(model.open!)!;
    const mine = newWord(model);
    const theirs = newWord(model);
    logged(model, `${this.toString()} ${mine} / ${theirs}`);
    await cursorAtEnd(real);
    await real.page.keyboard.type(` ${mine}`);
    await fs.appendFile(path.join(real.root, document.path), `\n\nOutside ${theirs}.\n`);
    const theirsText = await fs.readFile(path.join(real.root, document.path), 'utf8');
    document.words.push(mine, theirs);
    const conflict = real.app.conflictBanner;
    const outcome = await expect
      .poll(async () => {
        if (await conflict.isVisible()) return 'conflict';
        const text = await editorText(real);
        return text.includes(theirs) && text.includes(mine) ? 'merged' : 'waiting';
      })
      .not.toBe('waiting')
      .then(async () => ((await conflict.isVisible()) ? 'conflict' : 'merged'));
    if (outcome === 'conflict') {
      await conflict.getByRole('button', { name: this.keepMine ? 'Keep mine' : 'Take theirs' }).click();
      // Keep mine drops their line; Take theirs drops every word not yet in the file they wrote.
      document.words = document.words.filter((word) =>
        this.keepMine ? word !== theirs : theirsText.includes(word),
      );
      if (!this.keepMine)
        document.images = document.images.filter((name) => theirsText.includes(`![${name}](`));
      // Keep mine writes the buffer, which never had their line; Take theirs reloads the file.
      await settle(real);
    }
  }
  toString = () => `type while it changes outside, then ${this.keepMine ? 'keep mine' : 'take theirs'}`;
}

class Reload implements Command {
  check = () => true;
  async run(model: JourneyModel, real: JourneyReal) {
    logged(model, this.toString());
    await settle(real);
    await real.page.reload();
    await real.page.locator('body[data-ready=true]').waitFor();
    if (new URL(real.page.url()).hash.startsWith('#/doc/')) await settle(real);
    await observeOpen(model, real);
  }
  toString = () => 'reload';
}

/** Where the newest trash put a document's file, if it is there. */
async function trashedPath(root: string, file: string): Promise<string | undefined> {
  const stamps = (await fs.readdir(path.join(root, '.specbench', 'trash')).catch(() => [])).sort().reverse();
  for (const stamp of stamps) {
    const candidate = `.specbench/trash/${stamp}/${file}`;
    if (await fs.stat(path.join(root, candidate)).catch(() => undefined)) return candidate;
  }
  return undefined;
}

class Trash implements Command {
  constructor(readonly fromPalette: boolean) {}
  check = (model: JourneyModel) => model.open !== undefined;
  async run(model: JourneyModel, real: JourneyReal) {
    const document = model.documents.get(model.open!)!;
    logged(model, `${this.toString()} ${document.key}`);
    if (this.fromPalette) {
      await real.page.keyboard.press('Control+K');
      await expect(real.page.getByRole('dialog', { name: 'Command palette' })).toBeVisible();
      await real.page.keyboard.type('delete this document');
      await real.page.keyboard.press('Enter');
    } else {
      await real.page.getByRole('button', { name: 'Document actions' }).click();
      await real.page.getByRole('menuitem', { name: 'Delete' }).click();
    }
    await expect(real.page.getByRole('status', { name: 'Notice' })).toContainText('Deleted');
    await expect.poll(() => trashedPath(real.root, document.path)).toBeTruthy();
    document.trashedTo = await trashedPath(real.root, document.path);
    model.undoable = document.key;
    await observeOpen(model, real);
  }
  toString = () => `trash (${this.fromPalette ? 'palette' : 'document actions'})`;
}

class Undo implements Command {
  check = (model: JourneyModel) => model.undoable !== undefined;
  async run(model: JourneyModel, real: JourneyReal) {
    const document = model.documents.get(model.undoable!)!;
    model.undoable = undefined;
    // The notice goes after ten seconds; a step that finds it gone has nothing to undo.
    const undo = real.page.getByRole('status', { name: 'Notice' }).getByRole('button', { name: 'Undo' });
    const clicked = await undo.click({ timeout: 2_000 }).then(
      () => true,
      () => false,
    );
    logged(model, `undo trash of ${document.key}${clicked ? '' : ' (notice gone)'}`);
    if (!clicked) return;
    document.trashedTo = undefined;
    await expect(real.page.locator('.document-header .path')).toHaveText(
      new RegExp(`^${document.path.replace(/\.md$/, '')}(-\\d+)?\\.md$`),
    );
    await settle(real);
    await observeOpen(model, real);
  }
  toString = () => 'undo';
}

class Pause implements Command {
  constructor(readonly milliseconds: number) {}
  check = () => true;
  async run(model: JourneyModel, real: JourneyReal) {
    logged(model, this.toString());
    await real.page.waitForTimeout(this.milliseconds);
  }
  toString = () => `pause ${this.milliseconds} ms`;
}

const commands = [
  fc
    .tuple(fc.constantFrom<keyof typeof kinds>('spec', 'story', 'faq'), fc.constantFrom(...titles))
    .map(([kind, title]) => new Create(kind, title)),
  fc.constantFrom(0, 0, 15).map((delay) => new Type(delay)),
  fc.option(fc.nat(20), { nil: undefined }).map((away) => new PasteImage(away)),
  fc.constantFrom(...titles).map((title) => new Retitle(title)),
  fc.nat(20).map((index) => new QuickSwitch(index)),
  fc.nat(20).map((index) => new NavigatorOpen(index)),
  fc.constant(new Back()),
  fc.nat(20).map((index) => new OutsideEdit(index)),
  fc.boolean().map((keepMine) => new OutsideEditWhileTyping(keepMine)),
  fc.constant(new Reload()),
  fc.boolean().map((fromPalette) => new Trash(fromPalette)),
  fc.constant(new Undo()),
  fc.constantFrom(100, 500, 1200).map((milliseconds) => new Pause(milliseconds)),
];

/** How many entries Back can go before it leaves the app: each entry is numbered when first seen. */
function historyDepth(previous: number): number {
  const state = history.state as { depth?: number } | null;
  if (state?.depth !== undefined) return state.depth;
  history.replaceState({ depth: previous + 1 }, '');
  return previous + 1;
}

export interface JourneyOptions {
  kind: WorkspaceKind;
  seed: number;
  runs: number;
  steps: number;
  /** Starts no new journey after this long (unless shrinking a failure). */
  timeLimitMs: number;
}

/** Runs the journeys; answers how many steps ran, or throws the shrunk counterexample. */
export async function runJourneys(
  browser: Browser,
  options: JourneyOptions,
): Promise<{ steps: number; runs: number }> {
  let steps = 0;
  let runs = 0;
  let failed = false;
  // One workspace made (init or the sample, a git commit) per test, copied for each journey: making
  // it spawns node and git, seconds on a busy machine, where a copy takes milliseconds.
  const made = copyWorkspace(options.kind);
  const freshWorkspace = async (): Promise<string> => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-journey-'));
    await fs.cp(await made, root, { recursive: true });
    return root;
  };
  const t0 = Date.now();
  const property = fc.asyncProperty(
    fc.commands(commands, { maxCommands: options.steps, size: 'max' }),
    async (script) => {
      // Past the time limit, journeys not yet started pass untried (fast-check would abandon a running
      // one mid-step); once one has failed, every shrinking attempt runs.
      if (!failed && Date.now() - t0 > options.timeLimitMs) return;
      // An empty script checks nothing: it would cost a workspace, a server and a page for no step.
      if ([...script].length === 0) return;
      const root = await freshWorkspace();
      const served = await serve(root);
      const context = await browser.newContext();
      const page = await context.newPage();
      page.on('dialog', (dialog) => void dialog.accept());
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const model = await initialModel(root);
      try {
        const app = await openApp(page, served.url);
        const real: JourneyReal = { page, app, root };
        await page.evaluate(() => history.replaceState({ depth: 0 }, ''));
        runs++;
        if (process.env.SPECBENCH_JOURNEY_TRACE) console.log(`run ${runs} @ ${Date.now() - t0} ms`);
        const checked: Command[] = [...script].map((command) => ({
          check: (current: JourneyModel) => command.check(current) as boolean,
          run: async (current: JourneyModel, world: JourneyReal) => {
            steps++;
            if (process.env.SPECBENCH_JOURNEY_TRACE)
              console.log(`step ${steps}: ${command.toString()} @ ${Date.now() - t0} ms`);
            await command.run(current, world);
            current.depth = await world.page.evaluate(historyDepth, current.depth);
            await checkInvariants(current, world);
            expect(errors, 'uncaught errors in the page').toEqual([]);
          },
          toString: () => command.toString(),
        }));
        await fc.asyncModelRun(() => Promise.resolve({ model, real }), checked);
      } catch (error) {
        failed = true;
        throw new Error(`${String(error)}\nSteps taken: ${model.log.join(' → ')}`, { cause: error });
      } finally {
        await context.close();
        served.process.kill('SIGTERM');
        await fs.rm(root, { recursive: true, force: true });
      }
    },
  );
  try {
    await fc.assert(property, {
      seed: options.seed,
      numRuns: options.runs,
      endOnFailure: false,
    });
  } finally {
    await fs.rm(await made, { recursive: true, force: true });
  }
  return { steps, runs };
}

// A step that cannot find its control fails in seconds, so the failure shrinks instead of hanging.
test.use({ actionTimeout: 10_000, navigationTimeout: 15_000 });

const seed = Number(process.env.SPECBENCH_JOURNEY_SEED ?? 20261206);
const runs = Number(process.env.SPECBENCH_JOURNEY_RUNS ?? 0);

for (const kind of ['empty', 'sample'] as const) {
  test(`journeys from ${kind === 'empty' ? 'an empty workspace' : 'the sample'} keep every document's content its own`, async ({
    browser,
  }, info) => {
    // npm test: a fixed seed, journeys of up to 30 steps until 50 s have passed (about 500 steps in all
    // on a quiet machine, fewer when it is shared; the figure is printed). The limit stops new journeys
    // only, and leaves room for a failure to shrink. The bench option runs N journeys, however long.
    const chosen =
      runs > 0
        ? { runs, steps: 60, timeLimitMs: 24 * 3_600_000 }
        : { runs: 40, steps: 30, timeLimitMs: 50_000 };
    test.setTimeout(runs > 0 ? 0 : chosen.timeLimitMs + 180_000);
    const started = Date.now();
    const result = await runJourneys(browser, { kind, seed, ...chosen });
    const line = `journeys (${kind}, seed ${seed}): ${result.steps} steps in ${result.runs} runs, ${Math.round((Date.now() - started) / 1000)} s`;
    console.log(line);
    info.annotations.push({ type: 'journeys', description: line });
    expect(result.runs).toBeGreaterThan(0);
    if (runs > 0) expect(result.runs).toBe(runs);
  });
}
