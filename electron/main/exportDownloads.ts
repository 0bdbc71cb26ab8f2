/**
 * Desktop exports arrive as downloads: Electron asks where to save them (no save path is set here),
 * and once the file is saved main offers "Show in folder", so the renderer never sees the path.
 */
import type { DownloadItem, Event, Session, WebContents } from 'electron';

export interface DownloadPrompts {
  /** Resolves true when the user asks to see the saved file. */
  offerShowInFolder(fileName: string): Promise<boolean>;
  showInFolder(savedPath: string): void;
}

type DownloadState = 'completed' | 'cancelled' | 'interrupted';

/** What happens when a download ends: only a completed, saved file is offered. */
export async function afterDownload(
  state: DownloadState,
  fileName: string,
  savedPath: string,
  prompts: DownloadPrompts,
): Promise<'shown' | 'kept' | 'none'> {
  if (state !== 'completed' || savedPath === '') return 'none';
  if (!(await prompts.offerShowInFolder(fileName))) return 'kept';
  prompts.showInFolder(savedPath);
  return 'shown';
}

/** Watches one session's downloads; returns a function that stops watching. */
export function watchExportDownloads(target: Session, prompts: DownloadPrompts): () => void {
  const onDownload = (_event: Event, item: DownloadItem, _contents: WebContents) => {
    item.setSaveDialogOptions({ title: 'Save export', buttonLabel: 'Save' });
    item.once('done', (_done, state) => {
      void afterDownload(state, item.getFilename(), item.getSavePath(), prompts);
    });
  };
  target.on('will-download', onDownload);
  return () => {
    target.off('will-download', onDownload);
  };
}
