/**
 * The child process of the crash tests: saves documents (one at a time and in all-or-none groups) and
 * changes roadmap items, both at once, until it is SIGKILLed. Before each roadmap write it appends the
 * digest of the state about to be written to a log, synchronously, so the parent knows every version
 * that may be on disk; document versions can be told from their text alone (crashDocuments.ts).
 * Usage: SPECBENCH_CRASH_CHILD=1 node crashChild.js <workspace> <roadmap log> <seed>
 */
import { createHash } from 'node:crypto';
import { openSync, writeSync } from 'node:fs';
import { lanes, type RoadmapItem } from '../../../shared/model/roadmapModel.js';
import { DocumentStore, type FileVersion } from '../documentStore.js';
import { RoadmapStore } from '../roadmapStore.js';
import {
  crashDocumentCount,
  crashDocumentHeader,
  crashDocumentPath,
  crashDocumentText,
} from './crashDocuments.js';

/** The same for equal roadmaps whatever their order on disk. */
export function roadmapDigest(items: readonly RoadmapItem[]): string {
  const sorted = [...items].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex');
}

/** Reads every document's current version, as the app does when it opens them. */
async function learnDocuments(store: DocumentStore): Promise<{
  versions: Map<number, FileVersion>;
  learn: (file: number) => Promise<void>;
  next: () => number;
}> {
  const versions = new Map<number, FileVersion>();
  let nextVersion = 1;
  const learn = async (file: number) => {
    const result = await store.read(crashDocumentPath(file));
    if (!result.ok) throw new Error(result.message);
    versions.set(file, result.file);
    nextVersion = Math.max(nextVersion, (crashDocumentHeader(result.file.text)?.version ?? 0) + 1);
  };
  for (let file = 0; file < crashDocumentCount; file++) await learn(file);
  return { versions, learn, next: () => nextVersion++ };
}

async function saveDocumentsForever(
  store: DocumentStore,
  { versions, learn, next }: Awaited<ReturnType<typeof learnDocuments>>,
): Promise<never> {
  for (let round = 0; ; round++) {
    const version = next();
    const first = round % crashDocumentCount;
    // Every third round saves three files together, as rekey does.
    const group =
      round % 3 === 2 ? [first, (first + 1) % crashDocumentCount, (first + 2) % crashDocumentCount] : [first];
    const changes = group.map((file) => ({
      path: crashDocumentPath(file),
      text: crashDocumentText(file, version, group.length > 1 ? group : []),
      expected: versions.get(file)!,
    }));
    if (changes.length === 1) {
      const result = await store.save(changes[0]!.path, changes[0]!.text, changes[0]!.expected);
      if (result.ok) versions.set(first, result.version);
      else await learn(first);
    } else {
      const result = await store.saveAll(changes);
      if (result.ok)
        group.forEach((file) => versions.set(file, result.versions.get(crashDocumentPath(file))!));
      else for (const file of group) await learn(file);
    }
  }
}

async function changeRoadmapForever(store: RoadmapStore, log: number, seed: number): Promise<never> {
  let random = seed;
  const next = (limit: number): number => {
    random = (random * 1103515245 + 12345) % 2147483648;
    return random % limit;
  };
  for (let step = 0; ; step++) {
    const pending: Promise<unknown>[] = [];
    // Several changes in one tick: the batch is one write, so only its final state is announced.
    for (let change = 0, changes = 1 + next(3); change < changes; change++) {
      const items = store.items();
      const target = items[next(items.length)];
      const choice = next(10);
      if (choice < 1 || !target) pending.push(store.create({ title: `Item ${seed}-${step}`, lane: 'later' }));
      else if (choice < 2 && items.length > 3) pending.push(store.remove(target.key));
      else if (choice < 4) pending.push(store.move(target.key, lanes[next(3)]!, next(5)));
      else
        pending.push(
          store.update(target.key, { title: `Step ${seed}-${step}`, description: 'x'.repeat(next(20_000)) }),
        );
    }
    writeSync(log, `${roadmapDigest(store.items())}\n`);
    for (const result of await Promise.all(pending))
      if (!(result as { ok: boolean }).ok) throw new Error(JSON.stringify(result));
  }
}

async function main(root: string, logFile: string, seed: number): Promise<void> {
  const opened = await RoadmapStore.open(root, { write: true });
  if (!opened.ok) throw new Error(opened.message);
  const log = openSync(logFile, 'a');
  const documents = new DocumentStore(root);
  const known = await learnDocuments(documents);
  // From here on every moment is a write in flight, so the kill lands in one.
  process.stdout.write('ready\n');
  await Promise.all([saveDocumentsForever(documents, known), changeRoadmapForever(opened.store, log, seed)]);
}

if (process.env.SPECBENCH_CRASH_CHILD === '1') {
  const [root, logFile, seed] = process.argv.slice(2);
  await main(root!, logFile!, Number(seed));
}
