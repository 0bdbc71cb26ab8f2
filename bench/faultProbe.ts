/**
 * Reliability for `npm run bench`: a bench-sized crash loop (one process saving documents and roadmap
 * items, SIGKILLed at random) and every write fault of the fault table, injected and real (a full
 * tmpfs, read-only and immutable files and folders where this machine allows them), in temp
 * workspaces. `filesLost` counts every file left as something other than a version written.
 * `node faultProbe.js [kills]` prints the result as JSON.
 */
import { pathToFileURL } from 'node:url';
import { runCrashLoop } from '../electron/engine/testing/crashLoop.js';
import { conditionSkips, realDiskConditions } from '../electron/engine/testing/diskConditions.js';
import {
  faultCases,
  runFaultCase,
  runUnderCondition,
  type FaultOutcome,
  type FaultTarget,
} from '../electron/engine/testing/faultCases.js';

export interface FaultMeasurement {
  killsSurvived: number;
  faultsInjected: number;
  filesLost: number;
  seconds: number;
  /** Real conditions this machine could not set up, with the reason (the injected faults still ran). */
  skipped?: string[];
  /** What the crash loop found wrong, when anything (the loop stops a workspace at its first problem). */
  problems?: string[];
}

const targets: FaultTarget[] = ['document', 'group', 'roadmap', 'settings'];

/** A fault case lost a file when it left neither the old bytes nor, where the new ones may land (after the rename, or a fault absorbed), the complete new ones. */
function lost(outcome: FaultOutcome, landed = false): number {
  const kept = outcome.onDisk === 'old' || (landed && outcome.onDisk === 'new');
  return kept && outcome.nextSave === 'ok' && outcome.leftovers.length === 0 ? 0 : 1;
}

async function realConditions(): Promise<{ outcomes: FaultOutcome[]; skipped: string[] }> {
  const outcomes: FaultOutcome[] = [];
  const skipped: string[] = [];
  const machine = await conditionSkips();
  try {
    for (const row of realDiskConditions) {
      const reason = machine.skipReason(row.needs);
      if (reason !== '') skipped.push(`${row.name}: ${reason}`);
      else
        for (const target of targets)
          outcomes.push(await runUnderCondition(target, row.condition(machine.disk)));
    }
  } finally {
    await machine.disk?.unmount();
  }
  return { outcomes, skipped };
}

export async function measureFaults(kills = 300): Promise<FaultMeasurement> {
  const started = Date.now();
  const crash = await runCrashLoop({ kills, lanes: 2, maxDelayMs: 40 });
  let faultsInjected = 0;
  let filesLost = crash.filesLost;
  for (const testCase of faultCases) {
    const outcome = await runFaultCase(testCase);
    faultsInjected += outcome.injected;
    filesLost += lost(outcome, testCase.landed === true || testCase.absorbed === true);
  }
  const real = await realConditions();
  for (const outcome of real.outcomes) {
    faultsInjected += outcome.injected;
    filesLost += lost(outcome);
  }
  return {
    killsSurvived: crash.problems.length === 0 ? crash.kills : crash.kills - 1,
    faultsInjected,
    filesLost,
    seconds: Math.round((Date.now() - started) / 100) / 10,
    ...(real.skipped.length > 0 ? { skipped: real.skipped } : {}),
    ...(crash.problems.length > 0 ? { problems: crash.problems } : {}),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const kills = Number(process.argv[2] ?? 300);
  process.stdout.write(`${JSON.stringify(await measureFaults(kills))}\n`);
}
