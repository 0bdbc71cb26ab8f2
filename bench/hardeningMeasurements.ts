/** The benchmark's hardening part: kills survived, faults injected, bad inputs tried, files lost. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BadInputMeasurement } from './badInputProbe.js';
import type { FaultMeasurement } from './faultProbe.js';
import type { Attempt, Add } from './benchReport.js';
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

/**
 * 300 kills and 200 fuzzed workspaces for the reference workspace; a scaled smoke run does fewer
 * (at least 10 kills and 5 workspaces) and leaves out the CLI processes over the corpus.
 */
export async function measureHardening({
  attempt,
  add,
  scale,
}: {
  attempt: Attempt;
  add: Add;
  scale: number;
}): Promise<void> {
  const smoke = scale < 1;
  // Not a number until the probe answers, so a failed probe cannot report zero losses.
  let filesLost = Number.NaN;
  let lossNote: string | undefined;
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
    add('faults-seconds', '  time for the kills and faults', faults.seconds * 1000, 'ms');
    filesLost = faults.filesLost;
    if (faults.problems) lossNote = faults.problems.join('; ');
    for (const reason of faults.skipped ?? [])
      await attempt('faults-real', () => Promise.reject(new Error(`not set up on this machine: ${reason}`)));
  });
  await attempt('bad-inputs', async () => {
    const fuzzRuns = Math.max(5, Math.round(200 * Math.min(1, scale)));
    const bad = await probeJson<BadInputMeasurement>('badInputProbe.js', [
      String(fuzzRuns),
      ...(smoke ? ['--no-cli'] : []),
    ]);
    const tried = smoke
      ? 'corpus and fuzzed workspaces through the engine'
      : 'corpus via engine and CLI, fuzzed workspaces';
    add('bad-inputs', `bad inputs tried (${tried})`, bad.tried, 'count');
    add(
      'bad-inputs-failed',
      '  of which crashed, hung or changed an input file',
      bad.crashed + bad.hung + bad.changedInputs,
      'count',
      0,
    );
    add('bad-inputs-seconds', '  time for them', bad.seconds * 1000, 'ms');
  });
  add('files-lost', 'files lost or torn by kills and faults', filesLost, 'count', 0, undefined, lossNote);
}
