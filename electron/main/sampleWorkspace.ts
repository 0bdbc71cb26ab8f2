/** The first launch opens a private copy of the bundled sample, so the shipped files are never edited. */
import { promises as fs } from 'node:fs';
import path from 'node:path';

export const sampleFolderName = 'Acme Checkout';

/** Copies the sample into `userData/Acme Checkout` unless a copy is already there; returns the copy. */
export async function installSampleWorkspace(bundledSample: string, userData: string): Promise<string> {
  const target = path.join(userData, sampleFolderName);
  try {
    await fs.access(path.join(target, 'specbench.json'));
    return target;
  } catch {
    // Not there yet (or half-copied by an interrupted launch): copy into a fresh folder and rename in.
  }
  const staging = `${target}.copying-${process.pid}`;
  await fs.rm(staging, { recursive: true, force: true });
  await fs.cp(bundledSample, staging, {
    recursive: true,
    filter: (source) => path.basename(source) !== '.specbench',
  });
  await fs.rm(target, { recursive: true, force: true });
  await fs.rename(staging, target);
  return target;
}
