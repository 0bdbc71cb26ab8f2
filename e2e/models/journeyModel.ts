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

/** Every keyed document on disk, outside .specbench/. */
export async function keyedFiles(root: string): Promise<{ file: string; key: string; title: string }[]> {
  const found: { file: string; key: string; title: string }[] = [];
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await fs.readdir(path.join(root, folder), { withFileTypes: true }).catch(() => [])) {
      const relative = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isDirectory() && !entry.name.startsWith('.')) await walk(relative);
      else if (entry.isFile() && entry.name.endsWith('.md')) {
        const { key, title } = await readKeyed(root, relative);
        if (key) found.push({ file: relative, key, title: title ?? '' });
      }
    }
  };
  for (const folder of documentFolders) await walk(folder);
  return found;
}

export async function initialModel(root: string): Promise<JourneyModel> {
  const documents = new Map<string, ModelDocument>();
  for (const { file, key, title } of await keyedFiles(root))
    documents.set(key, { key, path: file, title, words: [], images: [] });
  return { documents, nextWord: 1, depth: 0, log: [] };
}

/** The editor's text, with blocks shown as Markdown source (raw blocks edit in a textarea). */
export async function editorText(real: JourneyReal): Promise<string> {
  const text = await real.app.editor.evaluate((element: HTMLElement) =>
    [element.innerText, ...Array.from(element.querySelectorAll('textarea'), (area) => area.value)].join(' '),
  );
  return text.replace(/\s+/g, ' ');
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

/** The document the header names, once the route agrees with it. */
export async function shownDocument(real: JourneyReal): Promise<string | undefined> {
  const header = real.page.locator('.document-header .path');
  if (!(await real.app.editor.isVisible())) return undefined;
  const shown = await header.textContent();
  return shown ?? undefined;
}

/** Waits until the open document says Saved and its route and file agree with the header. */
export async function settle(real: JourneyReal): Promise<void> {
  if (!(await real.app.editor.isVisible())) return;
  await expect(real.app.saveState).toHaveText('Saved', { timeout: 10_000 });
  // No save, rename or check still running (the page says so with aria-busy).
  await expect(real.page.locator('article.document-page[aria-busy=true]')).toHaveCount(0, {
    timeout: 10_000,
  });
  await expect(real.app.saveState).toHaveText('Saved');
  await expect
    .poll(async () => {
      const shown = await shownDocument(real);
      const hash = decodeURIComponent(new URL(real.page.url()).hash.replace(/^#\/doc\//, ''));
      return shown === hash;
    })
    .toBe(true);
}

/** Observes which model document is open (after a rename, at which path) and records it. */
export async function observeOpen(model: JourneyModel, real: JourneyReal): Promise<void> {
  const shown = await shownDocument(real);
  if (!shown) {
    model.open = undefined;
    return;
  }
  const { key, title } = await readKeyed(real.root, shown);
  expect(key, `the file in the header, ${shown}, has a key`).toBeTruthy();
  const known = model.documents.get(key!);
  if (known) {
    known.path = shown;
  } else {
    model.documents.set(key!, { key: key!, path: shown, title: title ?? '', words: [], images: [] });
  }
  model.open = key;
}

/** The invariants, checked after every step. */
export async function checkInvariants(model: JourneyModel, real: JourneyReal): Promise<void> {
  const shown = await shownDocument(real);
  if (shown) {
    const onDisk = await readKeyed(real.root, shown).catch(() => undefined);
    // The editor shows exactly the file named in its header: its words, and nobody else's.
    const key = onDisk?.key;
    const document = key ? model.documents.get(key) : undefined;
    if (document) {
      // Images count by their names (alt texts), which the text of the page does not hold.
      const images = await real.app.editor
        .locator('img[alt]')
        .evaluateAll((shown) => shown.map((image) => `![${image.getAttribute('alt')}](`));
      const body = `${await editorText(real)} ${images.join(' ')}`;
      const foreign = [...model.documents.values()]
        .filter((other) => other.key !== document.key)
        .flatMap((other) =>
          written(other)
            .filter((word) => body.includes(word))
            .map((word) => `${word} of ${other.key}`),
        );
      const missing = written(document).filter((word) => !body.includes(word));
      expect(
        { foreign, missing, title: await real.app.title.inputValue() },
        `the editor of ${shown}`,
      ).toEqual({
        foreign: [],
        missing: [],
        title: document.title,
      });
    }
    // The save state is truthful: Saved means the file holds what the editor shows.
    await expect
      .poll(
        async () => {
          if ((await real.app.saveState.textContent()) !== 'Saved') return 'truthful';
          const file = await readKeyed(real.root, shown).catch(() => undefined);
          if (!file) return `${shown} is missing`;
          const doc = file.key ? model.documents.get(file.key) : undefined;
          const missing = (doc ? written(doc) : []).filter((word) => !file.text.includes(word));
          return missing.length ? `missing on disk: ${missing.join(' ')}` : 'truthful';
        },
        { message: `"Saved" is shown for ${shown}` },
      )
      .toBe('truthful');
  }
  // Nothing typed is lost: every document left behind holds its words on disk.
  await expect
    .poll(async () => {
      const lost: string[] = [];
      for (const document of model.documents.values()) {
        if (document.key === model.open || document.trashedTo) continue;
        const file = await readKeyed(real.root, document.path).catch(() => undefined);
        if (!file || file.key !== document.key) lost.push(`${document.key} not at ${document.path}`);
        else
          lost.push(
            ...written(document)
              .filter((word) => !file.text.includes(word))
              .map((word) => `${word} of ${document.key}`),
          );
      }
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
  const keys = (await keyedFiles(real.root)).map((file) => file.key);
  expect(
    keys.filter((key, index) => keys.indexOf(key) !== index),
    'duplicate keys',
  ).toEqual([]);
}

/** What the file must hold: the words typed, and a link naming each image pasted (`![word](…word.png)`). */
function written(document: ModelDocument): string[] {
  return [...document.words, ...document.images.map((name) => `![${name}](`)];
}

export function newWord(model: JourneyModel): string {
  return `zq${model.nextWord++}q`;
}

export { AppModel };
