/** Temp workspaces for the export tests: a copy of the sample, or a few documents written from a table. */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Workspace } from '../../engine/workspace.js';
import { sampleWorkspaceFolder } from '../../cli/packageRoot.js';
import { collectBundle, type BundleRequest, type SpecBundle } from '../specBundle.js';

export async function temporaryFolder(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'specbench-export-'));
}

/** A fresh copy of the sample workspace "Acme Checkout". */
export async function sampleCopy(): Promise<string> {
  const folder = path.join(await temporaryFolder(), 'acme-checkout');
  await fs.cp(sampleWorkspaceFolder(), folder, { recursive: true });
  return folder;
}

/** A workspace holding `files` (workspace-relative path → text), with settings and an empty roadmap. */
export async function workspaceWith(files: Record<string, string | Uint8Array>): Promise<string> {
  const folder = path.join(await temporaryFolder(), 'workspace');
  const all: Record<string, string | Uint8Array> = {
    'specbench.json': JSON.stringify({ name: 'Test workspace' }),
    'roadmap.json': JSON.stringify({ version: 1, items: [] }),
    ...files,
  };
  for (const [name, content] of Object.entries(all)) {
    await fs.mkdir(path.dirname(path.join(folder, name)), { recursive: true });
    await fs.writeFile(path.join(folder, name), content);
  }
  return folder;
}

export async function bundleOf(folder: string, request: BundleRequest): Promise<SpecBundle> {
  const opened = await Workspace.open(folder, { cache: false });
  if (!opened.ok) throw new Error(opened.message);
  try {
    const collected = await collectBundle(opened.workspace, request);
    if (!collected.ok) throw new Error(collected.message);
    return collected.bundle;
  } finally {
    await opened.workspace.close();
  }
}

/** The names of the fonts a PDF embeds (subset prefixes removed), from poppler's pdffonts. */
export async function pdfFontNames(pdf: Uint8Array): Promise<string[]> {
  const folder = await temporaryFolder();
  const file = path.join(folder, 'bundle.pdf');
  await fs.writeFile(file, pdf);
  const listing = await new Promise<string>((resolve, reject) => {
    execFile('pdffonts', [file], (error, stdout) => (error ? reject(error) : resolve(stdout)));
  });
  await fs.rm(folder, { recursive: true, force: true });
  const names = listing
    .split('\n')
    .slice(2)
    .map((line) => line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''))
    .filter((name) => name !== '');
  return [...new Set(names)].sort();
}

/** The text of each page, from poppler's pdftotext in layout mode. */
export async function pdfPages(pdf: Uint8Array): Promise<string[]> {
  const folder = await temporaryFolder();
  const file = path.join(folder, 'bundle.pdf');
  await fs.writeFile(file, pdf);
  const text = await new Promise<string>((resolve, reject) => {
    execFile('pdftotext', ['-layout', file, '-'], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
  });
  await fs.rm(folder, { recursive: true, force: true });
  const pages = text.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}
