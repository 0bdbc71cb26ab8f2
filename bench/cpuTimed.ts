/**
 * Runs a Node script in this process and reports the process's CPU time as it exits, on stderr's last
 * line: `node cpuTimed.js <script> <args…>`. CPU time moves far less with the machine's load than wall time.
 */
import { pathToFileURL } from 'node:url';

export const cpuMarker = 'bench-cpu-ms';

const [script, ...args] = process.argv.slice(2);
if (script === undefined) {
  process.stderr.write('usage: cpuTimed <script> [args…]\n');
  process.exitCode = 2;
} else {
  process.argv = [process.argv[0]!, script, ...args];
  process.on('exit', () => {
    const used = process.cpuUsage();
    process.stderr.write(`\n${cpuMarker} ${(used.user + used.system) / 1000}\n`);
  });
  await import(pathToFileURL(script).href);
}
