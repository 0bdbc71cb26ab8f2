/**
 * The table of injected write faults (operation × errno × target) and the runner that plays one in a
 * real temp workspace: the fault tests assert each outcome, the benchmark counts them.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from '../atomicFile.js';
import { DocumentStore, type FileVersion } from '../documentStore.js';
import { writeFailure } from '../fileTransaction.js';
import { nodeFileSystem, type FileSystem } from '../fileSystem.js';
import { RoadmapStore } from '../roadmapStore.js';
import { injectFault, type Fault, type FaultCode, type FaultOperation } from './faultInjection.js';

export type FaultTarget = 'document' | 'group' | 'roadmap' | 'settings';

export interface FaultCase {
  target: FaultTarget;
  fault: Fault;
  /** Which call that is, in words. */
  step: string;
  /** The fault hits after the rename: the new bytes are on disk, only their durability is unknown. */
  landed?: boolean;
  /** A refused hard link: the original is copied instead and the save succeeds. */
  absorbed?: boolean;
}

export interface FaultOutcome {
  injected: number;
  error: string;
  message: string;
  /** 'old': every file byte-identical to before the save; 'new': it holds the bytes of the save. */
  onDisk: 'old' | 'new' | 'other';
  /** Temp files and transaction folders left in the workspace. */
  leftovers: string[];
  /** The next save, with the version the caller still holds, once the fault is gone. */
  nextSave: 'ok' | string;
}

/** Call order: document and settings saves open, write, fsync the temp file, rename, then open and fsync the folder. */
const singleFileSteps: [FaultOperation, number, string, boolean?][] = [
  ['open', 1, 'creating the temp file'],
  ['write', 1, 'writing the temp file'],
  ['fsync', 1, 'fsync of the temp file'],
  ['rename', 1, 'rename over the file'],
  ['fsync', 2, 'fsync of the folder after the rename', true],
];
/** A group of three: each file staged (temp + fsync, backup link + folder fsync), a journal, then the renames. */
const groupSteps: [FaultOperation, number, string][] = [
  ['write', 2, 'writing the second temp file'],
  ['fsync', 3, 'fsync of the second temp file'],
  ['write', 4, 'writing the journal'],
  ['rename', 1, 'rename of the journal'],
  ['rename', 3, 'rename of the second file (the first is already in)'],
  ['fsync', 9, 'fsync of the first folder after every rename'],
];
/** roadmap.json: the old file linked to the backup first, then the atomic write. */
const roadmapSteps: [FaultOperation, number, string, boolean?][] = [
  ['write', 1, 'writing the temp file'],
  ['fsync', 1, 'fsync of the temp file'],
  ['rename', 2, 'rename over roadmap.json'],
  ['fsync', 2, 'fsync of the folder after the rename', true],
];

export const faultCodes: FaultCode[] = ['ENOSPC', 'EIO'];

/** File systems without hard links (FAT, some network shares): the backups are copies instead. */
const refusedLinks: FaultCase[] = [
  {
    target: 'group',
    fault: { operation: 'link', code: 'EIO', nth: 2 },
    step: 'hard link of the second original',
    absorbed: true,
  },
  {
    target: 'roadmap',
    fault: { operation: 'link', code: 'EIO', nth: 1 },
    step: 'hard link of roadmap.json to its backup',
    absorbed: true,
  },
];

export const faultCases: FaultCase[] = faultCodes
  .flatMap((code): FaultCase[] => [
    ...singleFileSteps.map(([operation, nth, step, landed]) => ({
      target: 'document' as const,
      fault: { operation, code, nth },
      step,
      ...(landed ? { landed } : {}),
    })),
    ...groupSteps.map(([operation, nth, step]) => ({
      target: 'group' as const,
      fault: { operation, code, nth },
      step,
    })),
    ...roadmapSteps.map(([operation, nth, step, landed]) => ({
      target: 'roadmap' as const,
      fault: { operation, code, nth },
      step,
      ...(landed ? { landed } : {}),
    })),
    ...singleFileSteps.map(([operation, nth, step, landed]) => ({
      target: 'settings' as const,
      fault: { operation, code, nth },
      step,
      ...(landed ? { landed } : {}),
    })),
  ])
  .concat(refusedLinks);

export const groupPaths = ['specs/guest-checkout.md', 'stories/pay-as-guest.md', 'faqs/guest-faq.md'];
const roadmapItem = { key: 'RM-1', title: 'Guest checkout', lane: 'now', rank: 0 };
const oldRoadmap = `${JSON.stringify({ version: 1, items: [roadmapItem] }, null, 2)}\n`;
const oldSettings = `${JSON.stringify({ name: 'Fault workspace' }, null, 2)}\n`;
const newSettings = `${JSON.stringify({ name: 'Fault workspace, renamed' }, null, 2)}\n`;

export function documentText(file: string, version: 'old' | 'new' | 'next'): string {
  return `---\ntitle: ${file}\n---\n# ${file}\n\nThe ${version} text of ${file}.\n${'Body line.\n'.repeat(version === 'old' ? 40 : 90)}`;
}

/** A fresh workspace: three documents, roadmap.json and specbench.json. */
export async function createFaultWorkspace(parent = os.tmpdir()): Promise<string> {
  const root = await fs.mkdtemp(path.join(parent, 'specbench-faults-'));
  for (const file of groupPaths) {
    await fs.mkdir(path.join(root, path.dirname(file)), { recursive: true });
    await fs.writeFile(path.join(root, file), documentText(file, 'old'));
  }
  await fs.writeFile(path.join(root, 'roadmap.json'), oldRoadmap);
  await fs.writeFile(path.join(root, 'specbench.json'), oldSettings);
  return root;
}

/** Every `*.tmp` file and every transaction folder under the workspace. */
export async function leftoversIn(root: string): Promise<string[]> {
  const names = (await fs.readdir(root, { recursive: true })).map(String);
  const temp = names.filter((name) => name.endsWith('.tmp'));
  const transactions = await fs.readdir(path.join(root, '.specbench', 'transactions')).catch(() => []);
  return [...temp, ...transactions.map((name) => `.specbench/transactions/${name}`)].sort();
}

async function readAll(root: string, files: string[]): Promise<string[]> {
  return Promise.all(files.map((file) => fs.readFile(path.join(root, file), 'utf8')));
}

function compare(actual: string[], old: string[], next: string[]): FaultOutcome['onDisk'] {
  if (actual.every((text, index) => text === old[index])) return 'old';
  if (actual.every((text, index) => text === next[index])) return 'new';
  return 'other';
}

/** Plays one injected fault in a fresh workspace and reports what a user would see and keep. */
export async function runFaultCase(testCase: FaultCase): Promise<FaultOutcome> {
  const faulty = injectFault(testCase.fault);
  const outcome = await runUnderCondition(testCase.target, { fileSystem: faulty.fileSystem });
  return { ...outcome, injected: faulty.injected() };
}

/** A fault of the real disk: set up after the workspace is loaded, removed before the next save. */
export interface FaultCondition {
  fileSystem?: FileSystem;
  /** Where the workspace is created (a tiny tmpfs for a full disk). */
  parent?: string;
  /** Given the workspace and the files the save writes. */
  begin?(root: string, files: string[]): Promise<void>;
  end?(root: string, files: string[]): Promise<void>;
}

/** The files each target writes, workspace-relative. */
export function targetFiles(target: FaultTarget): string[] {
  if (target === 'roadmap') return ['roadmap.json'];
  if (target === 'settings') return ['specbench.json'];
  return target === 'group' ? groupPaths : groupPaths.slice(0, 1);
}

/** Plays a save of `target` under `condition` in a fresh workspace; `injected` is 1 (the condition was real). */
export async function runUnderCondition(
  target: FaultTarget,
  condition: FaultCondition,
): Promise<FaultOutcome> {
  const root = await createFaultWorkspace(condition.parent);
  const files = targetFiles(target);
  let ended = false;
  const hooks: Hooks = {
    fileSystem: condition.fileSystem ?? nodeFileSystem,
    begin: () => condition.begin?.(root, files) ?? Promise.resolve(),
    end: async () => {
      ended = true;
      await condition.end?.(root, files);
    },
  };
  try {
    const outcome = await play(target, root, hooks);
    return { injected: 1, ...outcome, leftovers: await leftoversIn(root) };
  } finally {
    if (!ended) await hooks.end();
    await fs.rm(root, { recursive: true, force: true });
  }
}

type Played = Omit<FaultOutcome, 'injected' | 'leftovers'>;

interface Hooks {
  fileSystem: FileSystem;
  begin(): Promise<void>;
  end(): Promise<void>;
}

async function play(target: FaultTarget, root: string, hooks: Hooks): Promise<Played> {
  if (target === 'roadmap') return playRoadmap(root, hooks);
  if (target === 'settings') return playSettings(root, hooks);
  const files = targetFiles(target);
  const store = new DocumentStore(root, { fileSystem: hooks.fileSystem });
  const versions: FileVersion[] = [];
  for (const file of files) {
    const read = await store.read(file);
    if (!read.ok) throw new Error(read.message);
    versions.push(read.file);
  }
  const old = files.map((file) => documentText(file, 'old'));
  const save = async (version: 'new' | 'next') => {
    const changes = files.map((file, index) => ({
      path: file,
      text: documentText(file, version),
      expected: versions[index]!,
    }));
    if (target === 'document') return store.save(changes[0]!.path, changes[0]!.text, changes[0]!.expected);
    return store.saveAll(changes);
  };
  await hooks.begin();
  const failed = await save('new');
  const onDisk = compare(
    await readAll(root, files),
    old,
    files.map((file) => documentText(file, 'new')),
  );
  await hooks.end();
  // After a failure the app keeps the buffer and its version; after a save, the version it returned.
  if (failed.ok) {
    files.forEach((file, index) => {
      versions[index] = 'version' in failed ? failed.version : failed.versions.get(file)!;
    });
  }
  const next = await save('next');
  const landed = (await readAll(root, files)).every(
    (text, index) => text === documentText(files[index]!, 'next'),
  );
  return {
    error: failed.ok ? 'none' : failed.error,
    message: failed.ok ? '' : failed.message,
    onDisk,
    nextSave: next.ok && landed ? 'ok' : next.ok ? 'saved other bytes' : next.message,
  };
}

async function playRoadmap(root: string, hooks: Hooks): Promise<Played> {
  const opened = await RoadmapStore.open(root, { write: true, fileSystem: hooks.fileSystem });
  if (!opened.ok) throw new Error(opened.message);
  const store = opened.store;
  try {
    await hooks.begin();
    const failed = await store.update('RM-1', { title: 'Guest checkout, renamed' });
    const text = await fs.readFile(path.join(root, 'roadmap.json'), 'utf8');
    const onDisk = text === oldRoadmap ? 'old' : text.includes('Guest checkout, renamed') ? 'new' : 'other';
    await hooks.end();
    const next = await store.update('RM-1', { title: 'Guest checkout, next' });
    const after = await fs.readFile(path.join(root, 'roadmap.json'), 'utf8');
    return {
      error: failed.ok ? 'none' : failed.error,
      message: failed.ok ? '' : failed.message,
      onDisk,
      nextSave:
        next.ok && after.includes('Guest checkout, next') ? 'ok' : next.ok ? 'not on disk' : next.message,
    };
  } finally {
    await store.close();
  }
}

/** specbench.json is written by `specbench init` and the app state store through writeFileAtomic. */
async function playSettings(root: string, hooks: Hooks): Promise<Played> {
  const file = path.join(root, 'specbench.json');
  const fileSystem = hooks.fileSystem;
  let failure: ReturnType<typeof writeFailure> | undefined;
  await hooks.begin();
  await writeFileAtomic(file, newSettings, { fileSystem }).catch((error: unknown) => {
    failure = writeFailure(error, 'specbench.json');
  });
  const text = await fs.readFile(file, 'utf8');
  const onDisk = text === oldSettings ? 'old' : text === newSettings ? 'new' : 'other';
  await hooks.end();
  const nextText = newSettings.replace('renamed', 'next');
  const next = await writeFileAtomic(file, nextText, { fileSystem }).then(
    () => 'ok',
    (error: unknown) => writeFailure(error, 'specbench.json').message,
  );
  const landed = (await fs.readFile(file, 'utf8')) === nextText;
  return {
    error: failure?.error ?? 'none',
    message: failure?.message ?? '',
    onDisk,
    nextSave: next === 'ok' && !landed ? 'not on disk' : next,
  };
}
