import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { badInputCases } from './badInputCorpus.js';
import { cleanVerdict, cliCommandsFor, runCliCase } from './cliRun.js';

const repository = fileURLToPath(new URL('../../../', import.meta.url));
const commandNames = Object.keys(cliCommandsFor('out.html'));
// Changes made while a workspace is open concern the engine and the server; the CLI opens once.
const cliCases = badInputCases.filter((badInput) => badInput.whileOpen === undefined);

// The CLI runs compiled, as users run it; tsc emits even when other files fail to typecheck.
beforeAll(() => {
  spawnSync('npx', ['tsc', '-p', 'tsconfig.node.json'], { cwd: repository, stdio: 'pipe' });
}, 300_000);

describe('every bad input through the CLI: exit 0, 1 or 2, one clear line, no hang, nothing changed', () => {
  it.each(cliCases.map((badInput) => [badInput.name, badInput] as const))(
    '%s',
    async (_name, badInput) => {
      const result = await runCliCase(badInput);
      const verdicts = Object.fromEntries(
        Object.entries(result.commands).map(([name, { code: _code, stderr: _stderr, ...verdict }]) => [
          name,
          verdict,
        ]),
      );
      expect({ verdicts, difference: result.difference }, JSON.stringify(result.commands)).toEqual({
        verdicts: Object.fromEntries(commandNames.map((name) => [name, cleanVerdict])),
        difference: { changed: [], created: [], removed: [] },
      });
    },
    180_000,
  );
});
