/**
 * Child process for the backup kill test: backs up ever newer unsaved texts of the crash documents
 * through the workspace service (and now and then discards one) until the parent SIGKILLs it.
 * Usage: node backupLoop.js <workspace> <backup folder>
 */
import type { FileVersion } from '../documentStore.js';
import { WorkspaceService } from '../../services/workspaceService.js';
import { Workspace } from '../workspace.js';
import { crashDocumentCount, crashDocumentPath, crashDocumentText } from './crashDocuments.js';

const [root, backupFolder] = process.argv.slice(2);
if (root === undefined || backupFolder === undefined) {
  process.stderr.write('usage: backupLoop <workspace> <backup folder>\n');
  process.exit(2);
}
const opened = await Workspace.open(root, { cache: false, backupFolder });
if (!opened.ok) throw new Error(opened.message);
const service = new WorkspaceService(opened.workspace);
const bases: FileVersion[] = [];
for (let file = 0; file < crashDocumentCount; file++) {
  const read = await service.invoke('readDocument', { path: crashDocumentPath(file) });
  if (!read.ok) throw new Error(read.message);
  bases.push(read.version);
}
// A different version number in each run, so successive runs write different texts.
let version = Math.floor(Date.now() / 10);
process.stdout.write('ready\n');

// Each run lives only a moment before its kill: pick files and operations at random, so discards
// and every file get their share of kills.
for (;;) {
  const file = Math.floor(Math.random() * crashDocumentCount);
  const path = crashDocumentPath(file);
  const result =
    Math.random() < 0.2
      ? await service.invoke('discardBackup', { path })
      : await service.invoke('backupDocument', {
          path,
          text: crashDocumentText(file, ++version),
          base: bases[file]!,
        });
  if (!result.ok) throw new Error(result.message);
}
