/** The `specbench` command (bin/specbench.js imports the compiled form of this file). */
import { systemMessage } from './cliOutput.js';
import { runCli } from './runCli.js';

// `specbench trace … | head` closes the pipe early: stop quietly, as other command-line tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  // A full disk under `> report.json` is not a bug: say it in words, with the documented exit 2.
  process.stderr.write(`specbench: the output could not be written: ${systemMessage(error)}\n`);
  process.exit(2);
});
// Whatever escapes runCli (a stray callback): one line, never a stack trace.
process.on('uncaughtException', (error) => {
  process.stderr.write(
    `specbench: internal error: ${error.message} (this is a bug in Specbench; please report it with the command you ran)\n`,
  );
  process.exit(70);
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
});
