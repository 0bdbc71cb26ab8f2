#!/usr/bin/env node
// The CLI is compiled by `npm install` (the prepare script) into dist/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/electron/cli/specbench.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write(
    'specbench: the CLI is not built yet; run `npm install` (or `npm run build:node`) first.\n',
  );
  process.exit(2);
}
await import(entry.href);
