/**
 * Documents whose front matter cannot be read have no key, type or links, so show and export
 * would leave them out without a word (a story vanishing from its spec's bundle): say so, one line
 * each naming the file and line, and let the command exit 1.
 */
import type { DocumentEntry } from '../../shared/model/documentModel.js';
import { fileLocation, type CliContext } from './cliOutput.js';

export interface LeftOut {
  path: string;
  line: number;
  message: string;
}

/** Writes one stderr line per document whose front matter is malformed; returns them. */
export function reportUnreadable(
  context: CliContext,
  command: string,
  root: string,
  documents: readonly DocumentEntry[],
): LeftOut[] {
  const leftOut = documents.flatMap((document) =>
    document.problem
      ? [{ path: document.path, line: document.problem.line, message: document.problem.message }]
      : [],
  );
  for (const document of leftOut) {
    const where = fileLocation(context, root, document.path, document.line);
    const reason = document.message.replace(/\.$/, '');
    context.stderr.write(`specbench: ${command}: ${where} cannot be read (${reason}), so it is left out\n`);
  }
  return leftOut;
}
