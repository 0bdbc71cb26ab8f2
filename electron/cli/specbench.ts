/** The `specbench` command (bin/specbench.js imports the compiled form of this file). */
import { runCli } from './runCli.js';

// `specbench trace … | head` closes the pipe early: stop quietly, as other command-line tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`specbench: cannot write the output: ${error.message}\n`);
  process.exit(70);
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
