import { describe, expect, it } from 'vitest';
import { badInputCases } from './badInputCorpus.js';
import { runEngineCase } from './engineRun.js';

/** Cases whose workspace the engine must refuse to open (with a value, not an exception). */
const refused = new Set([
  'a truncated roadmap.json',
  'a roadmap.json of the wrong types',
  'a roadmap.json that is an array',
  'an empty roadmap.json',
  'a binary roadmap.json',
  'a roadmap.json nested 100,000 deep',
  'releases of the wrong types',
  'releases that is not a list',
  'a corrupt specbench.json',
  'a specbench.json of the wrong types',
]);

describe('every bad input through the engine: values not exceptions, no hang, only the edited note changes', () => {
  it.each(badInputCases.map((badInput) => [badInput.name, badInput] as const))(
    '%s',
    async (name, badInput) => {
      const result = await runEngineCase(badInput);
      const opened = !refused.has(name);
      expect(
        {
          outcome: result.outcome,
          failuresAreValues: result.failuresAreValues,
          threw: result.threw,
          hung: result.hung,
          staleSavesRefused: result.staleSavesRefused,
          unrelatedSaved: result.unrelatedSaved,
          difference: result.difference,
        },
        `${result.seconds.toFixed(1)} s`,
      ).toEqual({
        outcome: opened ? 'opened' : 'refused',
        failuresAreValues: true,
        threw: undefined,
        hung: false,
        staleSavesRefused: true,
        unrelatedSaved: opened,
        difference: { changed: [], created: [], removed: [] },
      });
    },
    60_000,
  );
});

// The hang check counts the work done (CPU time), so a busy machine does not pass for a hang: the
// control shows it still catches a case that works past a limit it cannot meet.
it('control: a case that works past its limit is reported as hung', async () => {
  const large = badInputCases.find((badInput) => badInput.name === 'a 9 MB file, just under the size limit');
  const result = await runEngineCase(large!, 50);
  expect(result.hung).toBe(true);
}, 60_000);
