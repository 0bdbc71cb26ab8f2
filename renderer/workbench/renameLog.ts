/**
 * The renames this browser saw the app make (old path → new path), kept so a link to the old path
 * (an engineer-view address copied before the rename, a bookmark) still finds the document.
 * Per workspace name, the latest 200; git's uncommitted renames are added by the caller.
 */
const limit = 200;

function storageKey(workspaceName: string): string {
  return `specbench.renames.${workspaceName}`;
}

export function knownRenames(
  workspaceName: string | undefined,
  gitFiles: readonly { path: string; previousPath?: string | undefined; change: string }[] = [],
): Map<string, string> {
  const renames = new Map<string, string>();
  for (const [from, to] of readLog(workspaceName)) renames.set(from, to);
  for (const file of gitFiles) {
    if (file.change === 'renamed' && file.previousPath) renames.set(file.previousPath, file.path);
  }
  return renames;
}

export function recordRename(workspaceName: string | undefined, from: string, to: string): void {
  if (!workspaceName || from === to) return;
  const log = readLog(workspaceName).filter(([old]) => old !== from);
  log.push([from, to]);
  try {
    window.localStorage.setItem(storageKey(workspaceName), JSON.stringify(log.slice(-limit)));
  } catch {
    // Storage refused (a locked-down browser): the rename is known to git's status only.
  }
}

function readLog(workspaceName: string | undefined): [string, string][] {
  if (!workspaceName) return [];
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(storageKey(workspaceName)) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter(
          (entry): entry is [string, string] =>
            Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'string',
        )
      : [];
  } catch {
    return [];
  }
}
