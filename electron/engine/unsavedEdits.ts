/** A save from outside the Specbench that holds the workspace stops at a file with unsaved edits there. */
import type { BackupStore } from './backupStore.js';
import type { SaveResult } from './fileVersion.js';

/** The refusal when the holder keeps unsaved edits of `documentPath` (its backups are its dirty buffers). */
export async function unsavedEditsRefusal(
  backups: BackupStore,
  documentPath: string,
): Promise<Extract<SaveResult, { ok: false }> | undefined> {
  const listed = await backups.list(documentPath);
  if (!listed.ok) return { ok: false, error: 'io', message: listed.message };
  if (listed.backups.length === 0) return undefined;
  return {
    ok: false,
    error: 'conflict',
    message: `${documentPath} is being changed in Specbench (it has unsaved edits there): save or undo them there, then try again. Nothing was written.`,
  };
}
