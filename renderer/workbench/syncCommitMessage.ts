/**
 * The message of an automatic commit, saying what changed: a subject naming the documents and the
 * keys touched (`Sync: SPEC-1 (REQ-2, REQ-5), roadmap (RM-4)`), then one line per file.
 */
import type { FileChangeKind } from '../../shared/contract/gitViews.js';
import { isKey } from '../../shared/grammar/linkGrammar.js';

export interface SyncedFile {
  path: string;
  change: FileChangeKind;
  /** The document's key, when it has one. */
  key?: string;
  title?: string;
  /** Its changed blocks as the Changes panel names them (`REQ-2`, `front matter: status`, `RM-4`). */
  blocks: { what: string; change: string }[];
}

const subjectLength = 72;
const bodyBlocks = 8;

export function syncCommitMessage(files: readonly SyncedFile[]): string {
  if (files.length === 0) return 'Sync from Specbench';
  const parts = files.map(subjectPart);
  let subject = `Sync: ${parts[0]}`;
  let shown = 1;
  for (const part of parts.slice(1)) {
    const more = files.length - shown - 1;
    const tail = more > 0 ? ` and ${more} more` : '';
    if (`${subject}, ${part}${tail}`.length > subjectLength) break;
    subject += `, ${part}`;
    shown++;
  }
  if (shown < files.length) subject += ` and ${files.length - shown} more`;
  return `${subject}\n\n${files.map(bodyLine).join('\n')}\n`;
}

function fileName(file: SyncedFile): string {
  if (file.path === 'roadmap.json') return 'roadmap';
  return file.key ?? file.path.split('/').pop()!.replace(/\.md$/i, '');
}

function subjectPart(file: SyncedFile): string {
  const name = fileName(file);
  if (file.change === 'added') return `new ${name}`;
  if (file.change === 'deleted') return `removed ${name}`;
  const keys = [
    ...new Set(file.blocks.map((block) => block.what).filter((what) => isKey(what) && what !== file.key)),
  ];
  if (keys.length === 0) return name;
  const listed = keys.length > 3 ? `${keys.slice(0, 3).join(', ')}…` : keys.join(', ');
  return `${name} (${listed})`;
}

function bodyLine(file: SyncedFile): string {
  const named = file.key ? `${file.path} (${file.key}${file.title ? ` ${file.title}` : ''})` : file.path;
  if (file.change === 'added' || file.change === 'deleted' || file.blocks.length === 0) {
    const word = {
      added: 'new',
      deleted: 'deleted',
      renamed: 'renamed',
      modified: 'changed',
      conflicted: 'changed',
    };
    return `- ${named}: ${word[file.change]}`;
  }
  const blocks = file.blocks.slice(0, bodyBlocks).map((block) => `${block.what} ${block.change}`);
  const more = file.blocks.length > bodyBlocks ? `, and ${file.blocks.length - bodyBlocks} more` : '';
  return `- ${named}: ${blocks.join(', ')}${more}`;
}
