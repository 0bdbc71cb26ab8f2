/**
 * The child process of the crash test: changes the roadmap in a loop until it is killed. Before each
 * write it appends the digest of the state about to be written to a log, synchronously, so the parent
 * knows every version that may be on disk.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { lanes, type RoadmapItem } from '../../../shared/model/roadmapModel.js';
import { RoadmapStore } from '../roadmapStore.js';

/** The same for equal roadmaps whatever their order on disk. */
export function roadmapDigest(items: readonly RoadmapItem[]): string {
  const sorted = [...items].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex');
}

async function main(root: string, logFile: string, seed: number): Promise<void> {
  const opened = await RoadmapStore.open(root, { write: true });
  if (!opened.ok) throw new Error(opened.message);
  const store = opened.store;
  const log = openSync(logFile, 'a');
  process.stdout.write('ready\n');
  let random = seed;
  const next = (limit: number): number => {
    random = (random * 1103515245 + 12345) % 2147483648;
    return random % limit;
  };
  for (let step = 0; ; step++) {
    const pending: Promise<unknown>[] = [];
    // Several changes in one tick: the batch is one write, so only its final state is announced.
    for (let change = 0, changes = 1 + next(3); change < changes; change++) {
      const items = store.items();
      const target = items[next(items.length)];
      const choice = next(10);
      if (choice < 1 || !target) pending.push(store.create({ title: `Item ${seed}-${step}`, lane: 'later' }));
      else if (choice < 2 && items.length > 3) pending.push(store.remove(target.key));
      else if (choice < 4) pending.push(store.move(target.key, lanes[next(3)]!, next(5)));
      else
        pending.push(
          store.update(target.key, { title: `Step ${seed}-${step}`, description: 'x'.repeat(next(20_000)) }),
        );
    }
    writeSync(log, `${roadmapDigest(store.items())}\n`);
    const results = await Promise.all(pending);
    for (const result of results)
      if (!(result as { ok: boolean }).ok) throw new Error(JSON.stringify(result));
  }
  closeSync(log);
}

if (process.env.SPECBENCH_CRASH_CHILD === '1') {
  const [root, logFile, seed] = process.argv.slice(2);
  await main(root!, logFile!, Number(seed));
}
