/** The benchmark's hardening part: kills survived, faults injected, bad inputs tried, files lost. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FaultMeasurement } from './faultProbe.js';
import type { Attempt, Add } from './partMeasurements.js';
import { runProcess } from './runProcess.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Each probe runs in its own process: it kills children, mounts a tmpfs and must not share our heap. */
async function probeJson<T>(script: string, args: string[] = []): Promise<T> {
  const run = await runProcess([path.join(here, script), ...args]);
  if (run.code !== 0) {
    const lines = run.stderr.trim().split('\n');
    throw new Error(lines.find((line) => /^\w*Error\b/.test(line)) ?? `${script} exited ${run.code}`);
  }
  return JSON.parse(run.stdout) as T;
}

/** 300 kills for the reference workspace; a scaled smoke run kills fewer (at least 10). */
export async function measureHardening({
  attempt,
  add,
  scale,
}: {
  attempt: Attempt;
  add: Add;
  scale: number;
}): Promise<void> {
  await attempt('faults', async () => {
    const kills = Math.max(10, Math.round(300 * Math.min(1, scale)));
    const faults = await probeJson<FaultMeasurement>('faultProbe.js', [String(kills)]);
    add('kills', 'saves SIGKILLed at random, survived', faults.killsSurvived, 'count');
    add(
      'faults',
      'write faults injected (ENOSPC, EIO, read-only, full disk)',
      faults.faultsInjected,
      'count',
    );
    add('faults-lost', '  files lost or torn by kills and faults', faults.filesLost, 'count', 0);
    add('faults-seconds', '  time for both', faults.seconds * 1000, 'ms');
    for (const reason of faults.skipped ?? [])
      await attempt('faults-real', () => Promise.reject(new Error(`not set up on this machine: ${reason}`)));
  });
}
