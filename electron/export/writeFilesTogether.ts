/**
 * Writes several files into one folder all or none: each goes to a temp name first and is synced,
 * then all are renamed in, so a failure leaves the folder as it was (other files in it stay).
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** Makes `folder` when missing (and removes it again on failure); throws the disk's error. */
export async function writeFilesTogether(
  folder: string,
  files: { name: string; data: string | Uint8Array }[],
): Promise<void> {
  const existed = await fs.stat(folder).then(
    () => true,
    () => false,
  );
  const staged: { temp: string; target: string }[] = [];
  try {
    await fs.mkdir(folder, { recursive: true });
    const stamp = randomBytes(6).toString('hex');
    for (const file of files) {
      const temp = path.join(folder, `.${file.name}.${process.pid}.${stamp}.tmp`);
      staged.push({ temp, target: path.join(folder, file.name) });
      const handle = await fs.open(temp, 'wx');
      try {
        await handle.writeFile(file.data);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    for (const { temp, target } of staged) await fs.rename(temp, target);
  } catch (error) {
    await Promise.all(staged.map(({ temp }) => fs.rm(temp, { force: true })));
    if (!existed) await fs.rmdir(folder).catch(() => undefined);
    throw error;
  }
}
