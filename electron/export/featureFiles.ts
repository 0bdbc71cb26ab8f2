/**
 * `export --format feature`: one `.feature` file per story into a folder, every file staged first
 * and then renamed in, so a failure leaves the folder as it was (files from an earlier export stay).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { splitDocument } from '../../shared/frontMatter/frontMatter.js';
import { featureFile, generatedFeatureMark, storyNarrative } from '../../shared/gherkin/featureFile.js';
import type { DocumentEntry } from '../../shared/model/documentModel.js';
import type { Workspace } from '../engine/workspace.js';
import { slugify } from '../engine/workspacePaths.js';
import { collectBundle } from './specBundle.js';
import { writeFilesTogether } from './writeFilesTogether.js';

export interface FeatureExport {
  files: { name: string; text: string }[];
  scenarios: number;
  unsplit: number;
}

export type FeatureExportResult =
  | {
      ok: true;
      folder: string;
      files: number;
      scenarios: number;
      unsplit: number;
      /** Feature files an earlier export wrote there for stories retitled or gone, now removed. */
      removed: string[];
    }
  | { ok: false; message: string };

/** Which stories to export: those implementing these specs' requirements, every story, or a release's. */
export type FeatureSelection = string[] | 'all' | { release: string };

/** The feature files of the stories implementing the given specs' requirements, of a release's items, or of every story. */
export async function collectFeatures(
  workspace: Workspace,
  specs: FeatureSelection,
): Promise<
  { ok: true; features: FeatureExport } | { ok: false; error?: 'unknown-key' | 'empty'; message: string }
> {
  let stories: { entry: DocumentEntry; text: string }[];
  if (!Array.isArray(specs)) {
    let shipped: Set<string> | undefined;
    if (specs !== 'all') {
      const release = workspace.releases().find((candidate) => candidate.key === specs.release);
      if (!release)
        return { ok: false, error: 'unknown-key', message: `there is no release ${specs.release}` };
      shipped = new Set(release.items);
    }
    const delivers = (entry: DocumentEntry): boolean =>
      shipped === undefined ||
      entry.implements.some((key) =>
        (workspace.requirement(key)?.requirement.roadmap ?? []).some((item) => shipped.has(item)),
      );
    stories = [];
    for (const entry of workspace.documents()) {
      if (entry.type !== 'story' || entry.key === undefined || !delivers(entry)) continue;
      const read = await workspace.readDocument(entry.path);
      if (!read.ok) return { ok: false, message: `${entry.path}: ${read.message}` };
      stories.push({ entry, text: read.file.text });
    }
  } else {
    const collected = await collectBundle(workspace, { specs, include: ['stories'] });
    if (!collected.ok)
      return collected.error === 'unknown-key'
        ? { ok: false, error: 'unknown-key', message: collected.message }
        : { ok: false, message: collected.message };
    stories = collected.bundle.documents.filter((document) => document.entry.type === 'story');
  }
  const features: FeatureExport = { files: [], scenarios: 0, unsplit: 0 };
  const names = new Set<string>();
  for (const { entry, text } of stories) {
    const requirements = entry.implements.filter((key) => workspace.requirement(key) !== undefined);
    const items = requirements.flatMap((key) => workspace.requirement(key)!.requirement.roadmap);
    const narrative = storyNarrative(splitDocument(text).body);
    const file = featureFile({
      key: entry.key!,
      title: entry.title,
      path: entry.path,
      ...(narrative === undefined ? {} : { narrative }),
      criteria: entry.criteria,
      tags: [entry.key!, ...requirements, ...items],
    });
    let name = `${slugify(`${entry.key} ${entry.title}`) || entry.key!.toLowerCase()}.feature`;
    for (let attempt = 2; names.has(name); attempt++)
      name = name.replace(/(?:-[0-9]+)?\.feature$/, `-${attempt}.feature`);
    names.add(name);
    features.files.push({ name, text: file.text });
    features.scenarios += file.scenarios;
    features.unsplit += file.unsplit;
  }
  if (features.files.length === 0)
    return {
      ok: false,
      error: 'empty',
      message:
        specs === 'all'
          ? 'the workspace has no stories'
          : Array.isArray(specs)
            ? `no story implements a requirement of ${specs.join(', ')}`
            : `no story implements a requirement delivering an item of ${specs.release}`,
    };
  return { ok: true, features };
}

/** Writes the files into `folder` (made if missing, its parent must exist): all of them, or none. */
export async function writeFeatures(
  features: FeatureExport,
  folder: string,
  { removeStale = true } = {},
): Promise<FeatureExportResult> {
  const parent = path.dirname(folder);
  // Missing folders on the way are made, as for the other formats (help says so).
  try {
    await fs.mkdir(parent, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      message:
        code === 'EEXIST' || code === 'ENOTDIR'
          ? `cannot make the folder ${parent}: a file is in the way`
          : `cannot make the folder ${parent} (${code ?? (error as Error).message})`,
    };
  }
  const existing = await fs.stat(folder).catch(() => undefined);
  if (existing && !existing.isDirectory())
    return { ok: false, message: `${folder} is a file; give a folder` };
  try {
    await writeFilesTogether(
      folder,
      features.files.map((file) => ({ name: file.name, data: file.text })),
    );
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'ENOSPC'
          ? 'the disk is full'
          : (error as Error).message;
    return { ok: false, message: `cannot write into ${folder}: ${reason}; no file was written` };
  }
  return {
    ok: true,
    folder,
    files: features.files.length,
    scenarios: features.scenarios,
    unsplit: features.unsplit,
    removed: removeStale
      ? await removeStaleFeatures(folder, new Set(features.files.map((file) => file.name)))
      : [],
  };
}

/** Writes the one feature file as `file` (its folder made if missing), whole or not at all. */
export async function writeFeatureFile(features: FeatureExport, file: string): Promise<FeatureExportResult> {
  const only = features.files[0]!;
  const renamed: FeatureExport = { ...features, files: [{ name: path.basename(file), text: only.text }] };
  const written = await writeFeatures(renamed, path.dirname(file), { removeStale: false });
  return written.ok ? { ...written, folder: file } : written;
}

/**
 * Feature files this export wrote before (their first line says so) that it no longer writes — a
 * story retitled or deleted — so a test runner does not run their scenarios twice or for nothing.
 * A .feature file of the user's own (any other first line) is never touched.
 */
async function removeStaleFeatures(folder: string, written: ReadonlySet<string>): Promise<string[]> {
  const removed: string[] = [];
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  for (const name of names.sort()) {
    if (!name.endsWith('.feature') || written.has(name)) continue;
    const file = path.join(folder, name);
    const text = await fs.readFile(file, 'utf8').catch(() => '');
    if (!text.startsWith(generatedFeatureMark)) continue;
    await fs.rm(file, { force: true });
    removed.push(name);
  }
  return removed;
}
