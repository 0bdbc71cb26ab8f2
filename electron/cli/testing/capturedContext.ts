/** A CLI context for commands run in-process by tests: its output kept, to read after. */
import type { CliContext } from '../cliOutput.js';

export function capturedContext(cwd: string): {
  context: CliContext;
  stdout: () => string;
  stderr: () => string;
} {
  let out = '';
  let err = '';
  return {
    context: {
      cwd,
      stdout: { write: (text: string) => (out += text) },
      stderr: { write: (text: string) => (err += text) },
    },
    stdout: () => out,
    stderr: () => err,
  };
}
