/**
 * Child process for the crash-safety test: saves documents through DocumentStore in a tight loop,
 * one at a time and in all-or-none groups, until the parent kills it with SIGKILL.
 * Usage: node saveLoop.js <workspace>
 */
import { DocumentStore, type FileVersion } from '../documentStore.js';
import {
  crashDocumentCount,
  crashDocumentPath,
  crashDocumentText,
  crashDocumentHeader,
} from './crashDocuments.js';

const root = process.argv[2];
if (root === undefined) {
  process.stderr.write('usage: saveLoop <workspace>\n');
  process.exit(2);
}
const store = new DocumentStore(root);
const versions = new Map<number, FileVersion>();
let nextVersion = 1;

async function learn(file: number): Promise<void> {
  const result = await store.read(crashDocumentPath(file));
  if (!result.ok) throw new Error(result.message);
  versions.set(file, result.file);
  nextVersion = Math.max(nextVersion, (crashDocumentHeader(result.file.text)?.version ?? 0) + 1);
}

for (let file = 0; file < crashDocumentCount; file++) await learn(file);
process.stdout.write('ready\n');

for (let round = 0; ; round++) {
  const version = nextVersion++;
  const first = round % crashDocumentCount;
  // Every fifth round saves three files together, as rekey does.
  const group =
    round % 5 === 4 ? [first, (first + 1) % crashDocumentCount, (first + 2) % crashDocumentCount] : [first];
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
    if (result.ok) group.forEach((file) => versions.set(file, result.versions.get(crashDocumentPath(file))!));
    else for (const file of group) await learn(file);
  }
}
