import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { runCli } from './runCli.js';

describe('runCli', () => {
  it('turns an unexpected exception into one line, "this is a bug" and exit 70', async () => {
    let stderr = '';
    const code = await runCli(['--version'], {
      stdout: {
        write: () => {
          throw new Error('the terminal went away');
        },
      },
      stderr: { write: (text: string) => (stderr += text) },
      cwd: tmpdir(),
    });
    expect({ code, stderr }).toEqual({
      code: 70,
      stderr:
        'specbench: internal error: the terminal went away (this is a bug in Specbench; please report it with the command you ran)\n',
    });
  });
});
