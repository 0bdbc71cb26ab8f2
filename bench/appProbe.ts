/**
 * The app's own measurements, in browser mode under headless Chromium: time from `specbench serve`
 * starting to an interactive navigator, keystroke-to-frame latency in a 5,000-line spec, and how
 * soon a status chosen in that spec reaches the navigator.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { chromiumLaunchArguments, systemChromium } from '../electron/export/chromiumLaunch.js';
import { generateLargeSpec } from '../shared/markdown/largeSpec.js';
import { generateLargeNote } from './largeNote.js';

const servingLine = /^Specbench serving .* at (http:\/\/\S+)$/m;

export interface Served {
  url: string;
  child: ChildProcess;
}

export function serve(cliScript: string, directory: string, write: boolean): Promise<Served> {
  const child = spawn(
    process.execPath,
    [cliScript, 'serve', directory, '--port', '0', ...(write ? ['--write'] : [])],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`specbench serve printed no URL in 60 s: ${output.trim().split('\n')[0] ?? ''}`));
    }, 60_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = servingLine.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, child });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`specbench serve exited with ${code}: ${output.trim().split('\n')[0] ?? ''}`));
    });
  });
}

export function stop(served: Served): Promise<void> {
  return new Promise((resolve) => {
    if (served.child.exitCode !== null) return resolve();
    served.child.once('exit', () => resolve());
    served.child.kill('SIGTERM');
  });
}

/** Builds the renderer when dist/renderer is missing (serve needs it). */
export async function ensureRenderer(repository: string): Promise<void> {
  if (existsSync(path.join(repository, 'dist', 'renderer', 'index.html'))) return;
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('npm', ['run', 'build:renderer'], {
      cwd: repository,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`npm run build:renderer exited with ${code}`);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: systemChromium, args: chromiumLaunchArguments });
}

/** Milliseconds from `serve` starting to a ready app whose navigator's Specs link is clickable. */
export async function measureReady(browser: Browser, cliScript: string, root: string): Promise<number> {
  const started = performance.now();
  const served = await serve(cliScript, root, false);
  const page = await browser.newPage();
  try {
    await page.goto(served.url);
    await page.locator('body[data-ready=true]').waitFor({ timeout: 120_000 });
    const specs = page
      .getByRole('navigation', { name: 'Navigator' })
      .getByRole('link', { name: /^Specs\s*\d*$/ });
    await specs.click({ trial: true, timeout: 120_000 });
    return performance.now() - started;
  } finally {
    await page.close();
    await stop(served);
  }
}

/** A copy of the sample workspace whose SPEC-1 is a generated spec of at least `lines` lines. */
export async function largeSpecWorkspace(sample: string, lines: number): Promise<string> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-bench-app-'));
  const root = path.join(folder, 'workspace');
  await fs.cp(sample, root, { recursive: true });
  await fs.rm(path.join(root, '.specbench'), { recursive: true, force: true });
  let sections = 1;
  let text = generateLargeSpec(sections);
  while (text.split('\n').length < lines) text = generateLargeSpec(++sections);
  // The generated spec is keyed SPEC-1: it replaces the sample's SPEC-1 so keys stay unique.
  await fs.writeFile(path.join(root, 'specs', 'guest-checkout.md'), text);
  return root;
}

/** Where `largeNoteWorkspace` puts its note. */
export const largeNotePath = 'notes/work-log.md';

/** A copy of the sample workspace with a work-log note of `lines` lines (no front matter: a vault's note). */
export async function largeNoteWorkspace(sample: string, lines: number): Promise<string> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-bench-note-'));
  const root = path.join(folder, 'workspace');
  await fs.cp(sample, root, { recursive: true });
  await fs.rm(path.join(root, '.specbench'), { recursive: true, force: true });
  await fs.mkdir(path.dirname(path.join(root, largeNotePath)), { recursive: true });
  await fs.writeFile(path.join(root, largeNotePath), generateLargeNote(lines));
  return root;
}

/**
 * Per key, from the keydown's own timestamp: to the editor's DOM change, to the first animation frame
 * after it (rAF runs before that frame's style, layout and paint), and to the end of that frame's
 * rendering (a message posted from rAF runs after the frame is painted and committed).
 */
// Page-side code as text: the node build has no DOM types.
const recordKeystrokes = `(() => {
  const state = { samples: [], script: [], painted: [], longTasks: [], start: -1, notify: undefined };
  window.keystrokes = state;
  // Every main-thread task over 50 ms while typing (autosave and backups included), as the browser reports them.
  state.observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.longTasks.push({ start: entry.startTime, duration: entry.duration });
  });
  state.observer.observe({ type: 'longtask' });
  document.addEventListener('keydown', (event) => { state.start = event.timeStamp; }, { capture: true });
  const channel = new MessageChannel();
  let frameStart = -1;
  channel.port1.onmessage = () => {
    state.painted.push(performance.now() - frameStart);
    if (state.notify) state.notify();
  };
  new MutationObserver(() => {
    if (state.start < 0) return;
    const start = state.start;
    state.start = -1;
    state.script.push(performance.now() - start);
    requestAnimationFrame(() => {
      state.samples.push(performance.now() - start);
      frameStart = start;
      channel.port2.postMessage(0);
    });
  }).observe(document.activeElement, { childList: true, subtree: true, characterData: true });
})()`;

// A promise, not waitForFunction: no polling competes for frames, and the page's CSP forbids eval.
const paintedCount = `(count) => new Promise((resolve, reject) => {
  const state = window.keystrokes;
  const timer = setTimeout(() => reject(new Error('key ' + count + ' changed nothing in the editor in 10 s')), 10000);
  state.notify = () => {
    if (state.painted.length < count) return;
    clearTimeout(timer);
    state.notify = undefined;
    resolve();
  };
  state.notify();
})`;

// CSS, not role queries: a role query weighs every element's visibility, seconds in a 20,000-line document.
const saveState = '[role=status][aria-label="Save state"]';

const settleFrames = `new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0))))`;

async function typeMeasured(page: Page, characters: string): Promise<Omit<TypingResult, 'lines'>> {
  await page.evaluate(recordKeystrokes);
  const waitForPaint = await page.evaluateHandle(paintedCount);
  for (let index = 0; index < characters.length; index++) {
    await page.keyboard.type(characters[index]!);
    await waitForPaint.evaluate(
      (wait, count) => (wait as (count: number) => Promise<void>)(count),
      index + 1,
    );
  }
  await waitForPaint.dispose();
  const lastKey = (await page.evaluate('performance.now()')) as number;
  // The autosave after the last key belongs to the typing: wait for it, then for what its answer renders.
  await page.locator(saveState).getByText('Saved', { exact: true }).waitFor({ timeout: 60_000 });
  await page.evaluate(settleFrames);
  const recorded = (await page.evaluate(
    `(() => { const state = window.keystrokes; state.observer.disconnect();
      return { samples: state.samples, script: state.script, painted: state.painted, longTasks: state.longTasks }; })()`,
  )) as Omit<TypingResult, 'lines' | 'longTasks' | 'longTasksAfter'> & {
    longTasks: { start: number; duration: number }[];
  };
  return {
    ...recorded,
    longTasks: recorded.longTasks.filter((task) => task.start < lastKey).map((task) => task.duration),
    longTasksAfter: recorded.longTasks.filter((task) => task.start >= lastKey).map((task) => task.duration),
  };
}

export interface TypingResult {
  /** Keydown to the next animation frame after the DOM changed. */
  samples: number[];
  /** Keydown to the DOM change (the editor's own work). */
  script: number[];
  /** Keydown to the end of that frame's style, layout, paint and commit. */
  painted: number[];
  /** Durations of the main-thread tasks over 50 ms from the first key to the last. */
  longTasks: number[];
  /** The same from the last key to the autosave that follows it, answered and rendered. */
  longTasksAfter: number[];
  lines: number;
}

/** Opens the served app on the large spec (SPEC-1), or on the document at `document`, and answers its editor once shown. */
async function openLargeSpec(page: Page, url: string, document?: string): Promise<Locator> {
  await page.goto(url);
  await page.locator('body[data-ready=true]').waitFor({ timeout: 60_000 });
  if (document !== undefined) {
    await page.evaluate(
      `location.hash = ${JSON.stringify(`#/doc/${document.split('/').map(encodeURIComponent).join('/')}`)}`,
    );
    return editorShown(page);
  }
  const navigator = page.getByRole('navigation', { name: 'Navigator' });
  await navigator.getByRole('link', { name: /^Specs\s*\d*$/ }).click();
  await navigator
    .getByRole('list', { name: 'Specs list' })
    .getByRole('link', { name: /large generated spec/ })
    .first()
    .click();
  return editorShown(page);
}

async function editorShown(page: Page): Promise<Locator> {
  const editor = page.locator('[role=textbox][aria-label=Document]');
  await editor.waitFor({ timeout: 60_000 });
  await page.locator(saveState).getByText('Saved', { exact: true }).waitFor({ timeout: 60_000 });
  return editor;
}

// From the Status select's change event to the navigator's row showing the new status, in the page.
// The row is looked up at each change of the navigator: a re-render may replace the element.
const statusReachesNavigator = `(status) => new Promise((resolve, reject) => {
  const select = [...document.querySelectorAll('section[aria-label=Properties] label')]
    .find((label) => label.textContent.startsWith('Status')).querySelector('select');
  const navigator = document.querySelector('nav[aria-label=Navigator]');
  const row = () => navigator.querySelector('[role=list] a[aria-current=page]');
  const timer = setTimeout(() => {
    observer.disconnect();
    const saveState = document.querySelector('[role=status][aria-label="Save state"]');
    reject(new Error('the navigator did not show ' + status + ' in 10 s (its row: ' +
      JSON.stringify(row()?.textContent) + ', the select: ' + select.value + ', ' + saveState?.textContent + ')'));
  }, 10000);
  const started = performance.now();
  const observer = new MutationObserver(() => {
    if (!row()?.textContent.includes(status)) return;
    observer.disconnect();
    clearTimeout(timer);
    resolve(performance.now() - started);
  });
  observer.observe(navigator, { childList: true, subtree: true, characterData: true });
  select.value = status;
  select.dispatchEvent(new Event('change', { bubbles: true }));
})`;

/**
 * Milliseconds from choosing a new status in the large spec's properties to the navigator showing it
 * (the save of the whole 5,000-line document included), once per status in `statuses`.
 */
export async function measureStatusChange(
  browser: Browser,
  cliScript: string,
  root: string,
  statuses: readonly string[],
): Promise<number[]> {
  const served = await serve(cliScript, root, true);
  const page = await browser.newPage();
  try {
    await openLargeSpec(page, served.url);
    const samples: number[] = [];
    for (const status of statuses) {
      samples.push((await page.evaluate(`(${statusReachesNavigator})(${JSON.stringify(status)})`)) as number);
      await page.locator(saveState).getByText('Saved', { exact: true }).waitFor({ timeout: 60_000 });
    }
    return samples;
  } finally {
    await page.close();
    await stop(served);
  }
}

/**
 * Puts the caret at the end of the paragraph's first line. The click lands on its first letter, not
 * its middle: the middle of the large spec's first paragraph is a reference chip, and a click there
 * opens SPEC-3 instead, so the keys went nowhere ("key 2 changed nothing").
 */
async function placeCaret(page: Page, paragraph: Locator): Promise<void> {
  const address = page.url();
  await paragraph.click({ position: { x: 2, y: 4 } });
  await page.keyboard.press('End');
  const inEditor = await page.evaluate(
    `document.activeElement?.getAttribute('aria-label') === 'Document' && getSelection().isCollapsed`,
  );
  if (page.url() !== address || !inEditor)
    throw new Error(`placing the caret left the editor (now at ${new URL(page.url()).hash})`);
}

/** Where the typing happens: the end of the first paragraph, or the end of a requirement card's body. */
export type TypingPlace = 'first paragraph' | 'requirement card';

/**
 * Opens SPEC-1 (the large spec), or the document at `document`, in a served copy and types
 * `characters` at the end of a paragraph.
 */
export async function measureTyping(
  browser: Browser,
  cliScript: string,
  root: string,
  characters: string,
  place: TypingPlace = 'first paragraph',
  document?: string,
): Promise<TypingResult> {
  const file = path.join(root, document ?? path.join('specs', 'guest-checkout.md'));
  const lines = (await fs.readFile(file, 'utf8')).split('\n').length;
  const served = await serve(cliScript, root, true);
  const page = await browser.newPage();
  try {
    const editor = await openLargeSpec(page, served.url, document);
    let paragraph = editor.locator('p').first();
    if (place === 'requirement card') {
      // The middle card: text typed in a card changes the card's node, not just a paragraph.
      const cards = editor.locator('[data-requirement]');
      const middle = cards.nth(Math.floor((await cards.count()) / 2));
      paragraph = middle.locator('.requirement-body p').first();
    }
    await placeCaret(page, paragraph);
    return { ...(await typeMeasured(page, characters)), lines };
  } finally {
    await page.close();
    await stop(served);
  }
}
