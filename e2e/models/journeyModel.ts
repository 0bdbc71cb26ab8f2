/**
 * What the journeys test believes about the workspace, and the checks it makes after every step:
 * which documents exist (by key), their titles, the words typed into each, and which one is open.
 */
import { expect, type Page } from '@playwright/test';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppModel } from './appModel.js';

export interface ModelDocument {
  key: string;
  path: string;
  title: string;
  /** Words the user typed (or wrote from outside) that must be in the file and only in it. */
  words: string[];
  /** Images pasted into it, by name: each must be linked from the file and shown in the editor. */
  images: string[];
  trashedTo?: string;
}

export interface JourneyModel {
  documents: Map<string, ModelDocument>;
  /** Key of the document in the editor, if one is open. */
  open?: string;
  /** The last trash that Undo can still put back. */
  undoable?: string;
  nextWord: number;
  /** How many history entries lie behind the current one (Back never leaves the app). */
  depth: number;
  /** The steps so far, in words, for a failure's report. */
  log: string[];
}

export interface JourneyReal {
  page: Page;
  app: AppModel;
  root: string;
}

const documentFolders = ['specs', 'stories', 'faqs'];

export interface KeyedFile {
  file: string;
  key: string;
  title: string;
  text: string;
}

export async function readKeyed(
  root: string,
  file: string,
): Promise<{ key?: string; title?: string; text: string }> {
  const text = await fs.readFile(path.join(root, file), 'utf8');
  return {
    key: /^key: *(.+)$/m.exec(text)?.[1]?.trim(),
    title: /^title: *(.+)$/m
      .exec(text)?.[1]
      ?.trim()
      .replace(/^(['"])(.*)\1$/, '$2'),
    text,
  };
}

/** Every keyed document on disk, outside .specbench/, with its text: read all at once. */
export async function keyedFiles(root: string): Promise<KeyedFile[]> {
  const files: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    const entries = await fs.readdir(path.join(root, folder), { withFileTypes: true }).catch(() => []);
    await Promise.all(
      entries.map(async (entry) => {
        const relative = `${folder}/${entry.name}`;
        if (entry.isDirectory() && !entry.name.startsWith('.')) await walk(relative);
        else if (entry.isFile() && entry.name.endsWith('.md')) files.push(relative);
      }),
    );
  };
  await Promise.all(documentFolders.map(walk));
  const read = await Promise.all(
    // A file deleted between the listing and the read is not there.
    files.map((file) =>
      readKeyed(root, file).then(
        (keyed) => ({ ...keyed, file }),
        () => undefined,
      ),
    ),
  );
  return read.flatMap((keyed) =>
    keyed?.key ? [{ file: keyed.file, key: keyed.key, title: keyed.title ?? '', text: keyed.text }] : [],
  );
}

async function keyedFile(root: string, file: string): Promise<KeyedFile | undefined> {
  const keyed = await readKeyed(root, file).catch(() => undefined);
  return keyed?.key ? { file, key: keyed.key, title: keyed.title ?? '', text: keyed.text } : undefined;
}

export async function initialModel(root: string): Promise<JourneyModel> {
  const documents = new Map<string, ModelDocument>();
  for (const { file, key, title } of await keyedFiles(root))
    documents.set(key, { key, path: file, title, words: [], images: [] });
  return { documents, nextWord: 1, depth: 0, log: [] };
}

/** What the page shows, read in one round trip: the header, the route, the editor, the title, the save state. */
export interface Shown {
  /** The file named in the document header, when a document is open in the editor. */
  header?: string;
  /** The file the route names (`#/doc/<path>`, or `#/KEY` of the document open), or '' on any other view. */
  route: string;
  /** The editor's text, every block's, with blocks shown as Markdown source (raw blocks edit in a textarea). */
  text: string;
  /** `![alt](` for each image in the editor: images count by their names, which the text does not hold. */
  images: string[];
  title: string;
  saveState: string;
  /** A save, rename or check still running (the page says so with aria-busy). */
  busy: boolean;
  /** How many history entries lie behind this one, when asked to count (`shown(real, depth)`). */
  depth: number;
}

/**
 * Reads what the page shows (see Shown); the selectors are those the roles in AppModel resolve to.
 * Given the depth of the entry before, it numbers the current history entry the first time it sees it.
 */
function readShown(previousDepth: number | undefined): Shown {
  const state = history.state as { depth?: number } | null;
  let depth = state?.depth ?? -1;
  if (previousDepth !== undefined && state?.depth === undefined) {
    depth = previousDepth + 1;
    history.replaceState({ ...state, depth }, '');
  }
  const editor = document.querySelector<HTMLElement>('[role=textbox][aria-label="Document"]');
  const hash = window.location.hash;
  // The route names the file by its path, or by its key, which the header shows beside the path.
  const headerKey = document.querySelector('.document-header .key')?.textContent;
  const route = hash.startsWith('#/doc/')
    ? decodeURIComponent(hash.slice('#/doc/'.length))
    : headerKey && hash === `#/${headerKey}`
      ? (document.querySelector('.document-header .path')?.textContent ?? '')
      : '';
  const open = editor !== null && editor.getClientRects().length > 0;
  const areas = open ? Array.from(editor.querySelectorAll('textarea'), (area) => area.value) : [];
  return {
    ...(open ? { header: document.querySelector('.document-header .path')?.textContent ?? '' } : {}),
    route,
    // textContent, not innerText: off-screen blocks skip rendering (content-visibility), and
    // innerText leaves out what is not rendered.
    text: open
      ? [...Array.from(editor.children, (block) => block.textContent ?? ''), ...areas]
          .join(' ')
          .replace(/\s+/g, ' ')
      : '',
    images: open
      ? Array.from(editor.querySelectorAll('img[alt]'), (image) => `![${image.getAttribute('alt')}](`)
      : [],
    title: document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Title"]')?.value ?? '',
    saveState: document.querySelector('[role=status][aria-label="Save state"]')?.textContent ?? '',
    busy: document.querySelector('article.document-page[aria-busy=true]') !== null,
    depth,
  };
}

/** What the page shows; with `previousDepth`, also numbers the history entry (see JourneyModel.depth). */
export function shown(real: JourneyReal, previousDepth?: number): Promise<Shown> {
  return real.page.evaluate(readShown, previousDepth);
}

/**
 * Puts the cursor at the end of the last paragraph or heading, as clicking after its text would: a
 * click on the block itself can land on a link chip in it and open another document.
 */
export async function cursorAtEnd(real: JourneyReal): Promise<void> {
  await real.app.editor
    .locator('p, h2, h3')
    .last()
    .evaluate((block) => {
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT, {
        acceptNode: (node) =>
          node.parentElement?.closest('[contenteditable=false]')
            ? NodeFilter.FILTER_REJECT
            : NodeFilter.FILTER_ACCEPT,
      });
      let last: Node | null = null;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) last = node;
      block.closest<HTMLElement>('[contenteditable=true]')?.focus();
      const range = document.createRange();
      if (last) range.setStart(last, last.textContent?.length ?? 0);
      else range.setStart(block, block.childNodes.length);
      range.collapse(true);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
    });
  await real.page.keyboard.press('End');
}

/** Settled: no document open, or it says Saved with nothing running and its route naming the file in its header. */
function isSettled(): boolean {
  const editor = document.querySelector<HTMLElement>('[role=textbox][aria-label="Document"]');
  if (!editor || editor.getClientRects().length === 0) return true;
  const hash = window.location.hash;
  const headerKey = document.querySelector('.document-header .key')?.textContent;
  const route = hash.startsWith('#/doc/')
    ? decodeURIComponent(hash.slice('#/doc/'.length))
    : headerKey && hash === `#/${headerKey}`
      ? (document.querySelector('.document-header .path')?.textContent ?? '')
      : '';
  return (
    document.querySelector('[role=status][aria-label="Save state"]')?.textContent === 'Saved' &&
    document.querySelector('article.document-page[aria-busy=true]') === null &&
    document.querySelector('.document-header .path')?.textContent === route
  );
}

/**
 * Waits until the open document says Saved, nothing is running and its route and header agree: the
 * page checks on every frame and answers the moment it is so, where polling from here would lag.
 */
export async function settle(real: JourneyReal): Promise<void> {
  const settled = await real.page
    .waitForFunction(isSettled, undefined, { polling: 'raf', timeout: 10_000 })
    .then(
      () => true,
      () => false,
    );
  if (settled) return;
  const now = await shown(real);
  expect(
    { saveState: now.saveState, busy: now.busy, header: now.header },
    'the open document settles in 10 s: Saved, nothing running, its route naming its file',
  ).toEqual({ saveState: 'Saved', busy: false, header: now.route });
}

/** Observes which model document is open (after a rename, at which path) and records it. */
export async function observeOpen(model: JourneyModel, real: JourneyReal): Promise<void> {
  const { header } = await shown(real);
  if (!header) {
    model.open = undefined;
    return;
  }
  const { key, title } = await readKeyed(real.root, header);
  expect(key, `the file in the header, ${header}, has a key`).toBeTruthy();
  const known = model.documents.get(key!);
  if (known) {
    known.path = header;
  } else {
    model.documents.set(key!, { key: key!, path: header, title: title ?? '', words: [], images: [] });
  }
  model.open = key;
}

/** The invariants, checked after every step against what the page shows (`now`) and every file. */
export async function checkInvariants(model: JourneyModel, real: JourneyReal, now: Shown): Promise<void> {
  // Read every keyed file at once: the checks below compare each one with the model.
  const files = await keyedFiles(real.root);
  const byPath = new Map(files.map((file) => [file.file, file]));
  if (now.header) {
    const onDisk = byPath.get(now.header);
    // The editor shows exactly the file named in its header: its words, and nobody else's.
    const document = onDisk ? model.documents.get(onDisk.key) : undefined;
    if (document) {
      const body = `${now.text} ${now.images.join(' ')}`;
      const foreign = [...model.documents.values()]
        .filter((other) => other.key !== document.key)
        .flatMap((other) =>
          written(other)
            .filter((word) => body.includes(word))
            .map((word) => `${word} of ${other.key}`),
        );
      const missing = written(document).filter((word) => !body.includes(word));
      expect({ foreign, missing, title: now.title }, `the editor of ${now.header}`).toEqual({
        foreign: [],
        missing: [],
        title: document.title,
      });
    }
    // The save state is truthful: Saved means the file holds what the editor shows. What the page
    // showed may be a moment old (a key typed, its Unsaved not yet drawn), so a failure looks again.
    let look = now;
    let file: KeyedFile | undefined = onDisk;
    await expect
      .poll(
        async () => {
          const verdict = truthful(model, look, file);
          if (verdict !== 'truthful') {
            look = await shown(real);
            file = look.header ? await keyedFile(real.root, look.header) : undefined;
          }
          return verdict;
        },
        { message: `"Saved" is shown for ${now.header}` },
      )
      .toBe('truthful');
  }
  // Nothing typed is lost: every document left behind holds its words on disk.
  let onDisk = byPath;
  await expect
    .poll(async () => {
      const lost: string[] = [];
      for (const document of model.documents.values()) {
        if (document.key === model.open || document.trashedTo) continue;
        const file = onDisk.get(document.path);
        if (!file || file.key !== document.key) lost.push(`${document.key} not at ${document.path}`);
        else
          lost.push(
            ...written(document)
              .filter((word) => !file.text.includes(word))
              .map((word) => `${word} of ${document.key}`),
          );
      }
      if (lost.length) onDisk = new Map((await keyedFiles(real.root)).map((file) => [file.file, file]));
      return lost;
    })
    .toEqual([]);
  // A deleted document is in the trash with every word it had.
  for (const document of model.documents.values()) {
    if (!document.trashedTo) continue;
    const text = await fs.readFile(path.join(real.root, document.trashedTo), 'utf8').catch(() => '');
    expect(
      written(document).filter((word) => !text.includes(word)),
      `words of ${document.key} in ${document.trashedTo}`,
    ).toEqual([]);
  }
  // No two files share a key (the journeys never make duplicates).
  const keys = files.map((file) => file.key);
  expect(
    keys.filter((key, index) => keys.indexOf(key) !== index),
    'duplicate keys',
  ).toEqual([]);
}

function truthful(model: JourneyModel, look: Shown, file: KeyedFile | undefined): string {
  if (!look.header || look.saveState !== 'Saved') return 'truthful';
  if (!file) return `${look.header} is missing`;
  const document = model.documents.get(file.key);
  const missing = (document ? written(document) : []).filter((word) => !file.text.includes(word));
  return missing.length ? `missing on disk: ${missing.join(' ')}` : 'truthful';
}

/** What the file must hold: the words typed, and a link naming each image pasted (`![word](…word.png)`). */
function written(document: ModelDocument): string[] {
  return [...document.words, ...document.images.map((name) => `![${name}](`)];
}

export function newWord(model: JourneyModel): string {
  return `zq${model.nextWord++}q`;
}

export { AppModel };
