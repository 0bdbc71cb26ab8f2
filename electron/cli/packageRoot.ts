/** Finds the installed package (for `--version` and the bundled sample), whatever the cwd is. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** The folder holding Specbench's package.json: found upwards from this module, in src/ or dist/. */
export function packageRoot(): string {
  if (cached !== undefined) return cached;
  let folder = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(folder, 'package.json');
    if (existsSync(manifest) && readManifest(manifest).name === 'specbench') return (cached = folder);
    const parent = path.dirname(folder);
    if (parent === folder) throw new Error('cannot find the specbench package.json above the CLI');
    folder = parent;
  }
}

export function packageVersion(): string {
  return String(readManifest(path.join(packageRoot(), 'package.json')).version ?? '0.0.0');
}

export function sampleWorkspaceFolder(): string {
  return path.join(packageRoot(), 'samples', 'acme-checkout');
}

function readManifest(file: string): { name?: unknown; version?: unknown } {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
  } catch {
    return {};
  }
}
