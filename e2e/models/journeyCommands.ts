/**
 * What a person does next, as fast-check commands for the journeys test (e2e/journeys.spec.ts): create
 * each kind, type, paste an image, rename by title, switch documents by the quick switcher, the
 * navigator or Back, edit the file from outside, reload, trash and undo, pause. Each drives the real
 * UI and updates the model (journeyModel.ts) with what it did.
 */
import { expect, type Page } from '@playwright/test';
import fc from 'fast-check';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { slugify } from '../../shared/model/slug.js';
import {
  cursorAtEnd,
  newWord,
  observeOpen,
  settle,
  shown,
  type JourneyModel,
  type JourneyReal,
} from './journeyModel.js';

export type Command = fc.AsyncCommand<JourneyModel, JourneyReal>;
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

/**
 * Waits until the header names the file a title gives (its slug, with -2 … when taken): under a key
 * address the route does not change with the file, so only the header says the rename is done.
 */
async function fileNamedFor(real: JourneyReal, title: string): Promise<void> {
  const named = new RegExp(`^${slugify(title)}(?:-\\d+)?\\.md$`);
  await expect
    .poll(async () => path.basename((await shown(real)).header ?? ''), { timeout: 7_000 })
    .toMatch(named);
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
    await fileNamedFor(real, this.title);
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
    await fileNamedFor(real, this.title);
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
    await real.app.section(sectionNames[folder] ?? 'Notes').click();
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
    if (/^#\/(doc\/|[A-Z]+-\d+$)/.test(new URL(real.page.url()).hash)) {
      // A document, or the page saying it cannot be opened: a path that is gone, or the key of a
      // document since trashed ("Nothing here has the key FAQ-2").
      await expect(
        real.app.saveState
          .or(real.page.getByRole('heading', { name: 'This document cannot be opened' }))
          .or(real.page.getByRole('heading', { name: /^Nothing here has the key / })),
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
        const { text } = await shown(real);
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
    if (/^#\/(doc\/|[A-Z]+-\d+$)/.test(new URL(real.page.url()).hash)) await settle(real);
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

/** The last Delete's notice: an earlier Delete's stays above it, with its own Undo, until its time is up. */
const newestDeleted = (page: Page) =>
  page
    .getByRole('status', { name: 'Notice' })
    .filter({ hasText: /^Deleted “/ })
    .last();

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
    // A retitle just before leaves its own "Renamed to …" notice beside this one (the 2026-12-08
    // rehearsal, seed 20261206): the Delete's notice is the one this step owns.
    await expect(newestDeleted(real.page)).toBeVisible();
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
    // The notice goes after ten seconds; a step that finds it gone has nothing to undo. The trash's
    // own notice: a retitle since shows "Renamed to …" with an Undo of its own.
    const undo = newestDeleted(real.page).getByRole('button', { name: 'Undo' });
    const clicked =
      (await undo.isVisible()) &&
      (await undo.click({ timeout: 2_000 }).then(
        () => true,
        () => false,
      ));
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

/**
 * Weighted as people work: mostly typing and moving between documents, now and then a new document,
 * a rename, an edit from outside, a reload, a delete. Each command is still drawn often at the fixed
 * seed; the weights only spend less of the time limit on the slow and rare ones.
 */
export const commands = [
  fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.constantFrom<keyof typeof kinds>('spec', 'story', 'faq'), fc.constantFrom(...titles))
        .map(([kind, title]) => new Create(kind, title)),
    },
    { weight: 6, arbitrary: fc.constantFrom(0, 0, 15).map((delay) => new Type(delay)) },
    {
      weight: 2,
      arbitrary: fc.option(fc.nat(20), { nil: undefined }).map((away) => new PasteImage(away)),
    },
    { weight: 2, arbitrary: fc.constantFrom(...titles).map((title) => new Retitle(title)) },
    { weight: 3, arbitrary: fc.nat(20).map((index) => new QuickSwitch(index)) },
    { weight: 3, arbitrary: fc.nat(20).map((index) => new NavigatorOpen(index)) },
    { weight: 3, arbitrary: fc.constant(new Back()) },
    { weight: 2, arbitrary: fc.nat(20).map((index) => new OutsideEdit(index)) },
    { weight: 2, arbitrary: fc.boolean().map((keepMine) => new OutsideEditWhileTyping(keepMine)) },
    { weight: 1, arbitrary: fc.constant(new Reload()) },
    { weight: 2, arbitrary: fc.boolean().map((fromPalette) => new Trash(fromPalette)) },
    { weight: 2, arbitrary: fc.constant(new Undo()) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(100, 500, 1200).map((milliseconds) => new Pause(milliseconds)),
    },
  ),
];
