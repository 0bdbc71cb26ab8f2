/** Backups of unsaved edits kept for this workspace, read again whenever the workspace changes. */
import { useCallback, useEffect, useState } from 'react';
import type { BackupList, SpecbenchApi } from '../../shared/contract/apiContract.js';

export interface RecoveredEdits {
  /** Undefined until read (or when they cannot be read). */
  list: BackupList | undefined;
  /** Backups of documents no longer at their path: deleted or renamed outside Specbench. */
  orphaned: number;
  reload: () => void;
}

export function useRecoveredEdits(api: SpecbenchApi, revision: number): RecoveredEdits {
  const [list, setList] = useState<BackupList | undefined>(undefined);
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    let current = true;
    void api
      .listBackups({})
      .then((result) => {
        if (current)
          setList(result.ok ? { backups: result.backups, unreadable: result.unreadable } : undefined);
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [api, revision, asked]);
  const reload = useCallback(() => setAsked((count) => count + 1), []);
  const orphaned = list?.backups.filter((backup) => backup.disk === 'missing').length ?? 0;
  return { list, orphaned, reload };
}
