/**
 * Bad inputs tried, and how many crashed, hung or changed an input file: the corpus through the
 * engine and every CLI command (as processes), then a larger run of fuzzed workspaces.
 */
import fc from 'fast-check';
import { badInputCases } from '../electron/testing/badInput/badInputCorpus.js';
import { isUnchanged, type SnapshotDifference } from '../electron/testing/badInput/caseWorkspace.js';
import { runCliCase } from '../electron/testing/badInput/cliRun.js';
import { runEngineCase, type EngineCaseResult } from '../electron/testing/badInput/engineRun.js';
import { fuzzWorkspace } from '../electron/testing/badInput/fuzzInputs.js';

export interface BadInputMeasurement {
  tried: number;
  crashed: number;
  hung: number;
  changedInputs: number;
  seconds: number;
}

export interface BadInputOptions {
  /** Fuzzed workspaces through the engine after the corpus. */
  fuzzRuns?: number;
  /** Also run every CLI command over the corpus as processes (the slow part; a smoke run leaves it out). */
  cli?: boolean;
  seed?: number;
}

export async function measureBadInputs(options: BadInputOptions = {}): Promise<BadInputMeasurement> {
  const started = performance.now();
  const total: BadInputMeasurement = { tried: 0, crashed: 0, hung: 0, changedInputs: 0, seconds: 0 };
  const countEngine = (result: EngineCaseResult) => {
    total.tried++;
    if (result.threw !== undefined || !result.failuresAreValues) total.crashed++;
    if (result.hung) total.hung++;
    total.changedInputs += changedCount(result.difference) + (result.staleSavesRefused ? 0 : 1);
  };
  for (const badInput of badInputCases) countEngine(await runEngineCase(badInput));
  const cliCases = options.cli === false ? [] : badInputCases.filter((item) => item.whileOpen === undefined);
  for (const badInput of cliCases) {
    const result = await runCliCase(badInput);
    for (const verdict of Object.values(result.commands)) {
      total.tried++;
      if (verdict.hung) total.hung++;
      else if (!verdict.cleanExit || !verdict.clearMessage || verdict.stackTrace) total.crashed++;
    }
    total.changedInputs += changedCount(result.difference);
  }
  const fuzzed = fc.sample(fuzzWorkspace, {
    numRuns: options.fuzzRuns ?? 200,
    seed: options.seed ?? 20261126,
  });
  for (const badInput of fuzzed) countEngine(await runEngineCase(badInput, 10_000));
  total.seconds = (performance.now() - started) / 1000;
  return total;
}

function changedCount(difference: SnapshotDifference): number {
  if (isUnchanged(difference)) return 0;
  return difference.changed.length + difference.created.length + difference.removed.length;
}

// `node dist/bench/badInputProbe.js [fuzzRuns] [--no-cli]` prints the measurement as JSON.
if (process.argv[1]?.endsWith('badInputProbe.js')) {
  const [runs] = process.argv.slice(2).filter((argument) => !argument.startsWith('--'));
  const cli = !process.argv.includes('--no-cli');
  console.log(
    JSON.stringify(
      await measureBadInputs({ cli, ...(runs === undefined ? {} : { fuzzRuns: Number(runs) }) }),
    ),
  );
}
