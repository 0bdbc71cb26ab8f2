/**
 * Child process for the crash-safety test: starts an all-or-none save of every document and
 * SIGKILLs itself just before the last file is renamed in, leaving a half-done commit behind.
 * Usage: node commitAndDie.js <workspace>
 */
import { DocumentStore } from '../documentStore.js';
import { crashDocumentCount, crashDocumentPath, crashDocumentText } from './crashDocuments.js';

const root = process.argv[2];
if (root === undefined) {
  process.stderr.write('usage: commitAndDie <workspace>\n');
  process.exit(2);
}
const store = new DocumentStore(root);
const group = Array.from({ length: crashDocumentCount }, (_, file) => file);
const changes = [];
for (const file of group) {
  const result = await store.read(crashDocumentPath(file));
  if (!result.ok) throw new Error(result.message);
  changes.push({
    path: crashDocumentPath(file),
    text: crashDocumentText(file, 1, group),
    expected: result.file,
  });
}
const last = changes.at(-1)!.path;
await store.saveAll(changes, {
  beforeCommit: (path) => {
    if (path === last) process.kill(process.pid, 'SIGKILL');
  },
});
process.stderr.write('the commit finished although the process should have died\n');
