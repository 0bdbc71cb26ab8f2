import { describe, expect, it } from 'vitest';
import { faultCases, runFaultCase, type FaultCase, type FaultOutcome } from './testing/faultCases.js';

const reasons: Record<string, RegExp> = {
  'disk full': /could not be saved: the disk is full[.;]/,
  'input/output error': /could not be saved: the disk reported an input\/output error \(EIO\)[.;]/,
  'not durable':
    /was written, but the disk reported an error \((ENOSPC|EIO)\) while making it durable; save again to be sure\.$/,
};
const fileNames =
  /^(The 3 files|specs\/guest-checkout\.md|stories\/pay-as-guest\.md|faqs\/guest-faq\.md|roadmap\.json|specbench\.json) /;

/** What a user sees and keeps, in words the table can state. */
function summarize(outcome: FaultOutcome) {
  return {
    injected: outcome.injected,
    error: outcome.error,
    reason: Object.keys(reasons).find((name) => reasons[name]!.test(outcome.message)) ?? outcome.message,
    namesTheFile: fileNames.test(outcome.message),
    oneLine: !outcome.message.includes('\n'),
    onDisk: outcome.onDisk,
    leftovers: outcome.leftovers,
    nextSave: outcome.nextSave,
  };
}

function expected(testCase: FaultCase) {
  const { code } = testCase.fault;
  if (testCase.absorbed) {
    const saved = { error: 'none', reason: '', namesTheFile: false, oneLine: true, onDisk: 'new' };
    return { injected: 1, ...saved, leftovers: [], nextSave: 'ok' };
  }
  const failure =
    testCase.target === 'roadmap' ? 'unwritable' : testCase.landed || code === 'EIO' ? 'io' : 'disk-full';
  return {
    injected: 1,
    error: failure,
    reason: testCase.landed ? 'not durable' : code === 'ENOSPC' ? 'disk full' : 'input/output error',
    namesTheFile: true,
    oneLine: true,
    // Only a fault after the rename leaves the new bytes: they were complete, only not confirmed durable.
    onDisk: testCase.landed ? 'new' : 'old',
    leftovers: [],
    nextSave: 'ok',
  };
}

describe('an injected write fault gives a clear failure, keeps the old file and lets the next save land (or is absorbed)', () => {
  it.each(
    faultCases.map((testCase) => [
      `${testCase.fault.code} at ${testCase.step} (${testCase.fault.operation} #${testCase.fault.nth}) of a ${testCase.target}`,
      testCase,
    ]),
  )('%s', async (_name, testCase) => {
    expect(summarize(await runFaultCase(testCase as FaultCase))).toEqual(expected(testCase as FaultCase));
  });
});
