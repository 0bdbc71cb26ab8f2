/** Runs one bad-input case through the engine in this process: open, index, check, search, reads and saves. */
import path from 'node:path';
import type { FileVersion } from '../../engine/documentStore.js';
import { summarizeDocument } from '../../../shared/contract/documentSummary.js';
import { featureFile } from '../../../shared/gherkin/featureFile.js';
import { metricVerdict } from '../../../shared/metrics/metricVerdict.js';
import { releaseNotesMarkdown } from '../../../shared/releases/releaseNotes.js';
import { releaseReadiness } from '../../../shared/releases/releaseReadiness.js';
import { Workspace } from '../../engine/workspace.js';
import type { FeedbackRow } from '../../import/feedbackRows.js';
import { unrelatedPath, type BadInputCase } from './badInputCorpus.js';
import {
  applyOutsideChange,
  buildCaseWorkspace,
  compareSnapshots,
  snapshotFolder,
  type SnapshotDifference,
} from './caseWorkspace.js';

export interface EngineCaseResult {
  /** `refused` when Workspace.open answered with a failure value. */
  outcome: 'opened' | 'refused';
  /** Every failure came back as `{ ok: false, error, message }` with a message of one line. */
  failuresAreValues: boolean;
  /** The message of an exception, which is a bug; undefined when none was thrown. */
  threw: string | undefined;
  hung: boolean;
  /** Saves over a file changed or deleted outside were refused, never written. */
  staleSavesRefused: boolean;
  /** The unrelated note was saved with the new text (when the workspace opened). */
  unrelatedSaved: boolean;
  difference: SnapshotDifference;
  seconds: number;
}

export const engineTimeLimitMs = 20_000;
/** However starved of CPU the machine is, a case still running after this many limits has hung. */
const wallLimits = 2.5;

/**
 * Whether a case has worked past its limit: the CPU time this process spent since it started (a
 * busy machine stretches the wall clock, not the work), or, as a backstop, the wall clock itself.
 */
function workExceeds(startedCpu: NodeJS.CpuUsage, startedWall: number, limitMs: number): boolean {
  const cpu = process.cpuUsage(startedCpu);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return cpuMs > limitMs || performance.now() - startedWall > limitMs * wallLimits;
}
const feedbackRowsFixture: FeedbackRow[] = [
  {
    line: 2,
    hash: '0123456789abcdef',
    title: 'Pay fast',
    text: 'I want to pay, fast.',
    customer: 'Northwind',
    about: ['RM-1'],
  },
];
const editedNote = '# Unrelated\n\nA note nobody broke, edited.\n';

export async function runEngineCase(
  badInput: BadInputCase,
  limitMs = engineTimeLimitMs,
): Promise<EngineCaseResult> {
  const started = performance.now();
  const built = await buildCaseWorkspace(badInput);
  const result: EngineCaseResult = {
    outcome: 'refused',
    failuresAreValues: true,
    threw: undefined,
    hung: false,
    staleSavesRefused: true,
    unrelatedSaved: false,
    difference: { changed: [], created: [], removed: [] },
    seconds: 0,
  };
  let timer: NodeJS.Timeout | undefined;
  try {
    let before = await snapshotFolder(built.folder);
    const run = async (): Promise<void> => {
      const opened = await Workspace.open(built.root, { write: true, watch: false, cache: true });
      if (!opened.ok) {
        result.failuresAreValues = isFailureValue(opened);
        return;
      }
      result.outcome = 'opened';
      const workspace = opened.workspace;
      try {
        const versions = new Map<string, FileVersion>();
        for (const change of badInput.whileOpen ?? []) {
          const read = await workspace.readDocument(change.path);
          if (read.ok) versions.set(change.path, read.file);
        }
        for (const change of badInput.whileOpen ?? []) await applyOutsideChange(built.root, change);
        before = await snapshotFolder(built.folder);
        exerciseQueries(workspace);
        for (const document of workspace.documents()) {
          const read = await workspace.readDocument(document.path);
          if (!read.ok && !isFailureValue(read)) result.failuresAreValues = false;
        }
        for (const [file, version] of versions) {
          const save = await workspace.saveDocument(file, 'Overwritten by Specbench.\n', version);
          if (save.ok) result.staleSavesRefused = false;
          else if (!isFailureValue(save)) result.failuresAreValues = false;
        }
        const note = await workspace.readDocument(unrelatedPath);
        if (note.ok) {
          const save = await workspace.saveDocument(unrelatedPath, editedNote, note.file);
          result.unrelatedSaved = save.ok;
        }
        exerciseQueries(workspace);
        const imported = await workspace.importFeedback(feedbackRowsFixture, { dryRun: true });
        if (!imported.ok && !isFailureValue(imported)) result.failuresAreValues = false;
      } finally {
        await workspace.close();
      }
    };
    const startedCpu = process.cpuUsage();
    const startedWall = performance.now();
    const limit = new Promise<'hung'>((resolve) => {
      timer = setInterval(() => {
        if (workExceeds(startedCpu, startedWall, limitMs)) resolve('hung');
      }, 250);
    });
    const outcome = await Promise.race([run().then(() => 'done' as const), limit]);
    result.hung = outcome === 'hung';
    const expected = result.unrelatedSaved ? [`workspace/${unrelatedPath}`] : [];
    result.difference = compareSnapshots(before, await snapshotFolder(built.folder), expected);
  } catch (error) {
    result.threw = error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : String(error);
  } finally {
    clearInterval(timer);
    await built.remove();
  }
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

/** Everything a window asks of an open workspace; each must answer without throwing. */
function exerciseQueries(workspace: Workspace): void {
  const summaries = workspace.documents().map(summarizeDocument);
  const findings = workspace.check({ today: '2027-06-01' });
  for (const release of workspace.releases()) {
    const readiness = releaseReadiness(release, workspace.roadmap(), summaries);
    releaseNotesMarkdown(readiness, 'internal', findings);
    releaseNotesMarkdown(readiness, 'customers');
  }
  for (const entry of workspace.documents()) {
    if (entry.type === 'story')
      featureFile({
        key: entry.key ?? 'STORY-0',
        title: entry.title,
        path: entry.path,
        criteria: entry.criteria,
        tags: entry.implements,
      });
    for (const metric of entry.metrics) metricVerdict(metric);
  }
  workspace.search('guest');
  workspace.search('[[SPEC-1]]');
  workspace.quickSwitch('gue');
  workspace.quickSwitch('');
  workspace.trace();
  workspace.roadmap();
  for (const key of ['SPEC-1', 'REQ-10', 'RM-1', 'STORY-1', '__proto__', 'constructor']) {
    workspace.links(key);
    workspace.document(key);
    workspace.requirement(key);
  }
  workspace.document(path.posix.join('specs', '..', '..', 'outside', 'secret.md'));
}

function isFailureValue(value: { ok: boolean; error?: unknown; message?: unknown }): boolean {
  return (
    value.ok === false &&
    typeof value.error === 'string' &&
    typeof value.message === 'string' &&
    value.message.length > 0 &&
    !value.message.includes('\n    at ')
  );
}
