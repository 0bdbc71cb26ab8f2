/**
 * A move or rename that rewrote the open note's own links changed its file under typing that had not
 * been saved yet. The rewrite and the typing almost always touch different blocks: merged block by
 * block (base: the text the editor last loaded or saved), both are kept; a block both changed answers
 * nothing, and the Conflict banner asks as before.
 */
import { mergeFileVersions } from '../../shared/merge/mergeFile.js';
import { codecBlockSplitter } from '../../shared/merge/codecBlocks.js';
import { conflictCount, renderParts } from '../../shared/merge/mergeParts.js';
import { sharedCodec } from './sharedCodec.js';

export function mergeOwnLinks(path: string, base: string, ours: string, theirs: string): string | undefined {
  try {
    const { parts } = mergeFileVersions({ path, base, ours, theirs }, codecBlockSplitter(sharedCodec()));
    return conflictCount(parts) === 0 ? renderParts(parts) : undefined;
  } catch {
    // Odd input the block merge cannot cut: the user chooses, as for any other change on disk.
    return undefined;
  }
}
