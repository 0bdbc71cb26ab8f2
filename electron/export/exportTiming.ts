/**
 * Where an export's time goes, for whoever investigates a slow one: with `SPECBENCH_EXPORT_TIMING=1`
 * each phase's milliseconds go to standard error as it ends. Never shown to a user otherwise.
 */
import { performance } from 'node:perf_hooks';

let last: number | undefined;

/** Ends a phase: logs the time since the previous phase ended (the first since the process started). */
export function exportPhase(
  phase: string,
  env: NodeJS.ProcessEnv = process.env,
  write: (line: string) => void = (line) => void process.stderr.write(line),
): void {
  if (env.SPECBENCH_EXPORT_TIMING !== '1') return;
  const now = performance.now();
  write(`specbench: export timing: ${phase} ${Math.round(now - (last ?? 0))} ms\n`);
  last = now;
}
