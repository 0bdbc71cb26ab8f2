/** Reads the workspace folder from Electron's command line, whatever switches Electron or a test driver added. */
import path from 'node:path';

/** The last argument that is neither a switch nor the app's own folder, made absolute. */
export function folderArgument(argv: string[], appPath: string, cwd = process.cwd()): string | undefined {
  const folders = argv
    .slice(1)
    .filter((argument) => !argument.startsWith('-') && path.resolve(cwd, argument) !== path.resolve(appPath));
  const last = folders[folders.length - 1];
  return last === undefined ? undefined : path.resolve(cwd, last);
}
