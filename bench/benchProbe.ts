/**
 * One measurement in a fresh process, so every cold number starts with cold module, JIT and engine
 * caches: `node dist/bench/benchProbe.js <measurement> <workspace>` prints one JSON object.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export type ProbeName = 'read';

export interface ProbeResult {
  /** Milliseconds for the measured operation. */
  ms: number;
  /** Extra timings by name (for example `searchReadyMs`), or latency samples. */
  extra: Record<string, number | number[]>;
  /** Peak resident set size of this process, in MB. */
  peakRssMB: number;
}

const skipped = new Set(['.git', 'node_modules', '.specbench']);

/** The baseline: list the folder and read every Markdown and JSON file as text, nothing else. */
function readEverything(root: string): number {
  let bytes = 0;
  const pending = [root];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!skipped.has(entry.name)) pending.push(path.join(folder, entry.name));
      } else if (entry.name.endsWith('.md') || entry.name.endsWith('.json')) {
        bytes += readFileSync(path.join(folder, entry.name), 'utf8').length;
      }
    }
  }
  return bytes;
}

async function probe(name: string, root: string): Promise<ProbeResult> {
  const started = performance.now();
  if (name === 'read') {
    const characters = readEverything(root);
    return { ms: performance.now() - started, extra: { characters }, peakRssMB: peakRss() };
  }
  throw new Error(`unknown probe '${name}'`);
}

function peakRss(): number {
  return process.resourceUsage().maxRSS / 1024;
}

const [name, root] = process.argv.slice(2);
if (name === undefined || root === undefined) {
  process.stderr.write('usage: benchProbe <measurement> <workspace>\n');
  process.exitCode = 2;
} else {
  process.stdout.write(`${JSON.stringify(await probe(name, root))}\n`);
}
