/** `specbench review <dir> <STORY-KEY>`: records that a story was checked against its requirements as they are now. */
import { listInWords } from '../../../shared/model/listInWords.js';
import { isKey } from '../../../shared/grammar/linkGrammar.js';
import type { CliCommand } from '../cliCommand.js';
import {
  exitCodes,
  fail,
  outputFormat,
  outputHelp,
  outputOptions,
  writeJson,
  writeLines,
} from '../cliOutput.js';
import { openWorkspace } from '../openWorkspace.js';
import type { DocumentEntry } from '../../../shared/model/documentModel.js';

export const reviewCommand: CliCommand = {
  name: 'review',
  summary: "mark a story reviewed against its requirements' current text",
  usage: 'specbench review <dir> <STORY-KEY> [--json]',
  details: `Writes the fingerprint of each requirement the story implements into its front matter
(reviewed: {REQ-2: 3f2a9c1e}), changing only that line. check reports suspect-link when a
requirement's text changes after that; running review again clears it. It refuses while a key
the story implements is defined twice, or while its link was written for a copy renamed after a
merge (rekeys.json): the stamp would record the other requirement. Point the link first.
It works while Specbench has the workspace open (the app shows the stamp at once), unless the
story has unsaved edits there.

Options:
${outputHelp}
      {"story", "stamps": {requirement key: fingerprint}, "changed"}

Exit codes: 0 recorded (or already up to date), 2 bad usage, a key that is not a story, a link
still to point, or a file that could not be written, 3 a key that is not in the workspace (nothing is changed).`,
  positionals: ['dir', 'story'],
  options: { ...outputOptions },
  async run(context, [dir, key], values) {
    const format = outputFormat(context, 'review', values);
    if (format === undefined) return exitCodes.usage;
    if (!isKey(key!)) return fail(context, `review: '${key}' is not a key like STORY-3`);
    const opened = await openWorkspace(context, 'review', dir!, { write: true, oneFileWrites: true });
    if (!opened.ok) return opened.code;
    try {
      const { workspace } = opened;
      const requirement = workspace.requirement(key!);
      if (requirement)
        return fail(
          context,
          `review: ${requirementMessage(workspace.documents(), key!, requirement.document)}`,
        );
      const story = workspace.document(key!);
      if (!story || story.key !== key)
        return fail(context, `review: no document has the key ${key}`, exitCodes.unknownKey);
      if (story.type !== 'story') return fail(context, `review: ${key} is a ${story.type}, not a story`);
      const { markReviewed } = await import('../../git/signOff.js');
      const result = await markReviewed(workspace, story.path);
      if (!result.ok) return fail(context, `review: ${result.message}`);
      if (format === 'json') {
        writeJson(context, { story: key, stamps: result.stamps, changed: result.changed });
        return exitCodes.ok;
      }
      // The stamps themselves are for --format json; a person reads which texts the story now answers to.
      const requirements = listInWords(Object.keys(result.stamps));
      if (requirements === '') {
        writeLines(context, [`${key} implements no requirement that exists; nothing to record.`]);
      } else if (!result.changed) {
        writeLines(context, [`${key} was already reviewed against the current text of ${requirements}.`]);
      } else writeLines(context, [`Marked ${key} reviewed against the current text of ${requirements}.`]);
      return exitCodes.ok;
    } finally {
      await opened.workspace.close();
    }
  },
};

/** REQ-2 is no story: say what it is, where it lives, and which stories review would take instead. */
function requirementMessage(documents: readonly DocumentEntry[], key: string, spec: DocumentEntry): string {
  const stories = documents
    .filter((document) => document.type === 'story' && document.key && document.implements.includes(key))
    .map((document) => document.key!)
    .sort((left, right) => left.localeCompare(right, 'en', { numeric: true }));
  const where = `${key} is a requirement in ${spec.key ?? spec.title} (${spec.path}); review works on stories`;
  if (stories.length === 0) return `${where}, and no story implements ${key} yet`;
  return `${where}: run it on ${stories.length === 1 ? 'the story that implements' : 'the stories that implement'} ${key}, ${stories.join(', ')}`;
}
