/**
 * Other tools doing the same job on the same files in the same run, so a figure measured on a busy
 * machine still says something: markdownlint-cli2 beside `check`, rg beside `search`, a bare headless
 * Chromium and md-to-pdf beside a spec's PDF. A tool that is missing gives "n/a", never a failure.
 */
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { chromiumExecutablePath, chromiumLaunchArguments } from '../electron/export/chromiumLaunch.js';
import { countPdfPages } from './exportProbe.js';
import { median } from './percentile.js';
import type { Add } from './benchReport.js';
import { runCommand, runProcess, runProcessTimed, type ProcessRun } from './runProcess.js';

const require = createRequire(import.meta.url);

/** A package's command-line script, from its package.json `bin` (some packages do not export package.json). */
function binOf(name: string, command = name): string {
  const folder = (require.resolve.paths(name) ?? [])
    .map((base) => path.join(base, name))
    .find((candidate) => existsSync(path.join(candidate, 'package.json')));
  if (folder === undefined) throw new Error(`${name} is not installed (npm install)`);
  const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as {
    bin: string | Record<string, string>;
  };
  return path.join(folder, typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[command]!);
}

/** `run`, or undefined when the command is not installed. */
async function ifInstalled(run: () => Promise<ProcessRun>): Promise<ProcessRun | undefined> {
  try {
    return await run();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function firstLine(run: ProcessRun, tool: string): string {
  return run.stderr.trim().split('\n')[0] || `${tool} exited ${run.code}`;
}

/** markdownlint-cli2 over the same Markdown as `check` (both read and parse every file); once, it is slow. */
export async function measureCheckYardstick(root: string, checkMs: number, add: Add): Promise<void> {
  const run = await runProcess([binOf('markdownlint-cli2'), '**/*.md', '#templates', '#.specbench'], {
    cwd: root,
  });
  // 0 clean, 1 findings; anything else is a failure to lint.
  if (run.code !== 0 && run.code !== 1) throw new Error(firstLine(run, 'markdownlint-cli2'));
  add('check-markdownlint', '  markdownlint-cli2 over the same files (one run)', run.ms, 'ms');
  add('check-markdownlint-ratio', '  `check` ÷ markdownlint-cli2', checkMs / run.ms, '×', 0.1);
}

/** One word searched by `specbench search` (warm cache) and by rg, both as processes, interleaved. */
export async function measureSearchYardstick(
  cliScript: string,
  root: string,
  runs: number,
  add: Add,
): Promise<void> {
  const word = 'checkout';
  const search = (): Promise<ProcessRun & { cpuMs: number }> =>
    runProcessTimed([cliScript, 'search', root, word, '--json']);
  const grep = (): Promise<ProcessRun | undefined> =>
    ifInstalled(() =>
      runCommand('rg', [
        '--files-with-matches',
        '--fixed-strings',
        '--ignore-case',
        '--word-regexp',
        '--glob',
        '*.md',
        word,
        root,
      ]),
    );
  await search(); // writes the cache if an earlier step left none
  const ours: number[] = [];
  const oursCpu: number[] = [];
  const theirs: number[] = [];
  for (let run = 0; run < runs; run++) {
    const searched = await search();
    if (searched.code !== 0) throw new Error(firstLine(searched, 'specbench search'));
    ours.push(searched.ms);
    oursCpu.push(searched.cpuMs);
    const grepped = await grep();
    if (grepped && grepped.code !== 0 && grepped.code !== 1) throw new Error(firstLine(grepped, 'rg'));
    if (grepped) theirs.push(grepped.ms);
  }
  add('search-process', '`specbench search` process, one word (cache)', median(ours), 'ms', undefined, ours);
  add('search-process-cpu', '  the same, CPU time', median(oursCpu), 'ms', undefined, oursCpu);
  if (theirs.length === 0) {
    add('search-rg', '  rg over the same folder', Number.NaN, 'ms', undefined, undefined, 'rg not installed');
    add('search-rg-ratio', '  ÷ rg', Number.NaN, '×', 2, undefined, 'rg not installed');
    return;
  }
  add('search-rg', '  rg over the same folder', median(theirs), 'ms', undefined, theirs);
  add('search-rg-ratio', '  ÷ rg', median(ours) / median(theirs), '×', 2);
}

/**
 * One spec as PDF from the CLI, beside a bare headless Chromium printing a one-line page (the floor:
 * Chromium's start) and md-to-pdf printing the same Markdown with the same Chromium; interleaved.
 */
export async function measurePdfYardsticks(
  cliScript: string,
  root: string,
  specKey: string,
  runs: number,
  add: Add,
): Promise<void> {
  const chromium = chromiumExecutablePath();
  if (chromium === undefined) throw new Error('no system Chromium to compare with');
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-bench-pdf-'));
  try {
    const specPath = await specFile(cliScript, root, specKey);
    const markdown = path.join(folder, 'spec.md');
    await fs.copyFile(specPath, markdown);
    const ours = path.join(folder, 'ours.pdf');
    const floorPdf = path.join(folder, 'floor.pdf');
    const launchOptions = JSON.stringify({ executablePath: chromium, args: chromiumLaunchArguments });
    const samples = { floor: [] as number[], ours: [] as number[], mdToPdf: [] as number[] };
    for (let run = 0; run < runs; run++) {
      const floor = await runCommand(chromium, [
        ...chromiumLaunchArguments,
        '--headless',
        '--no-pdf-header-footer',
        `--print-to-pdf=${floorPdf}`,
        'data:text/html,<p>One line.</p>',
      ]);
      if (floor.code !== 0) throw new Error(firstLine(floor, 'chromium'));
      samples.floor.push(floor.ms);
      const exported = await runProcess([
        cliScript,
        'export',
        root,
        '--spec',
        specKey,
        '--format',
        'pdf',
        '--out',
        ours,
      ]);
      if (exported.code !== 0) throw new Error(firstLine(exported, 'specbench export'));
      samples.ours.push(exported.ms);
      const theirs = await runProcess([binOf('md-to-pdf'), '--launch-options', launchOptions, markdown]);
      if (theirs.code !== 0) throw new Error(firstLine(theirs, 'md-to-pdf'));
      samples.mdToPdf.push(theirs.ms);
    }
    const pages = countPdfPages(await fs.readFile(ours));
    const [floor, spec, mdToPdf] = [median(samples.floor), median(samples.ours), median(samples.mdToPdf)];
    add(
      'pdf-spec',
      `one spec (${pages} pages) to PDF, \`specbench export\` process`,
      spec,
      'ms',
      undefined,
      samples.ours,
    );
    add(
      'pdf-floor',
      '  bare headless Chromium printing one line (the floor)',
      floor,
      'ms',
      undefined,
      samples.floor,
    );
    add('pdf-floor-ratio', '  spec ÷ floor', spec / floor, '×', 1.5);
    add(
      'pdf-md-to-pdf',
      '  md-to-pdf, same Markdown, same Chromium',
      mdToPdf,
      'ms',
      undefined,
      samples.mdToPdf,
    );
    add('pdf-md-to-pdf-ratio', '  spec ÷ md-to-pdf', spec / mdToPdf, '×', 0.7);
  } finally {
    await fs.rm(folder, { recursive: true, force: true });
  }
}

async function specFile(cliScript: string, root: string, key: string): Promise<string> {
  const shown = await runProcess([cliScript, 'show', root, key, '--json']);
  if (shown.code !== 0) throw new Error(firstLine(shown, 'specbench show'));
  // `show --json` names the file at the top level (its fields held it before the scripting CLI).
  const shownJson = JSON.parse(shown.stdout) as { path?: string; fields?: { path?: string } };
  const relative = shownJson.path ?? shownJson.fields?.path;
  if (relative === undefined) throw new Error(`specbench show ${key} named no file`);
  return path.join(root, relative);
}
