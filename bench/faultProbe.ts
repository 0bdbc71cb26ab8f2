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
  /** What went wrong, when anything: the crash loop's findings (it stops a workspace at its first problem) and each fault case that lost a file. */
  problems?: string[];
}

const targets: FaultTarget[] = ['document', 'group', 'roadmap', 'settings'];

/**
 * A fault case lost a file when it left neither the old bytes nor, where the new ones may land (after
 * the rename, or a fault absorbed), the complete new ones; or left a temp file; or the next save failed.
 * Returns what went wrong, in words, or undefined.
 */
function lost(name: string, outcome: FaultOutcome, landed = false): string | undefined {
  const kept = outcome.onDisk === 'old' || (landed && outcome.onDisk === 'new');
  if (kept && outcome.nextSave === 'ok' && outcome.leftovers.length === 0) return undefined;
  const leftovers = outcome.leftovers.length > 0 ? `, left ${outcome.leftovers.join(', ')}` : '';
  return `${name}: on disk ${outcome.onDisk}, next save ${outcome.nextSave}${leftovers} (${outcome.message || outcome.error})`;
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
  const faultProblems: string[] = [];
  for (const testCase of faultCases) {
    const outcome = await runFaultCase(testCase);
    faultsInjected += outcome.injected;
    const { operation, code, nth } = testCase.fault;
    const name = `${testCase.target}: ${code} on ${operation} #${nth} (${testCase.step})`;
    const problem = lost(name, outcome, testCase.landed === true || testCase.absorbed === true);
    if (problem) faultProblems.push(problem);
  }
  const real = await realConditions();
  for (const [index, outcome] of real.outcomes.entries()) {
    faultsInjected += outcome.injected;
    const problem = lost(`real condition ${index + 1}`, outcome);
    if (problem) faultProblems.push(problem);
  }
  const problems = [...crash.problems, ...faultProblems];
  return {
    killsSurvived: crash.problems.length === 0 ? crash.kills : crash.kills - 1,
    faultsInjected,
    filesLost: crash.filesLost + faultProblems.length,
    seconds: Math.round((Date.now() - started) / 100) / 10,
    ...(real.skipped.length > 0 ? { skipped: real.skipped } : {}),
    ...(problems.length > 0 ? { problems } : {}),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const kills = Number(process.argv[2] ?? 300);
  process.stdout.write(`${JSON.stringify(await measureFaults(kills))}\n`);
}
