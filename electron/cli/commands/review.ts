/** `specbench review <dir> <STORY-KEY>`: records that a story was checked against its requirements as they are now. */
import { isKey } from '../../../shared/grammar/linkGrammar.js';
import type { CliCommand } from '../cliCommand.js';
import { exitCodes, fail, writeLines } from '../cliOutput.js';
import { openWorkspace } from '../openWorkspace.js';

export const reviewCommand: CliCommand = {
  name: 'review',
  summary: "mark a story reviewed against its requirements' current text",
  usage: 'specbench review <dir> <STORY-KEY>',
  details: `Writes the fingerprint of each requirement the story implements into its front matter
(reviewed: {REQ-2: 3f2a9c1e}), changing only that line. check reports suspect-link when a
requirement's text changes after that; running review again clears it.

Exit codes: 0 recorded (or already up to date), 2 bad usage, a key that is not a story, or a file
that could not be written (nothing is changed).`,
  positionals: ['dir', 'story'],
  options: {},
  async run(context, [dir, key]) {
    if (!isKey(key!)) return fail(context, `review: '${key}' is not a key like STORY-3`);
    const opened = await openWorkspace(context, 'review', dir!, { write: true });
    if (!opened.ok) return opened.code;
    try {
      const { workspace } = opened;
      const story = workspace.document(key!);
      if (!story || story.key !== key) return fail(context, `review: no document has the key ${key}`);
      if (story.type !== 'story') return fail(context, `review: ${key} is a ${story.type}, not a story`);
      const { markReviewed } = await import('../../git/signOff.js');
      const result = await markReviewed(workspace, story.path);
      if (!result.ok) return fail(context, `review: ${result.message}`);
      const listed = Object.entries(result.stamps).map(([requirement, stamp]) => `${requirement} (${stamp})`);
      if (listed.length === 0) {
        writeLines(context, [`${key} implements no requirement that exists; nothing to record.`]);
      } else if (!result.changed) {
        writeLines(context, [`${key} was already reviewed against ${listed.join(', ')}.`]);
      } else writeLines(context, [`Marked ${key} reviewed against ${listed.join(', ')}.`]);
      return exitCodes.ok;
    } finally {
      await opened.workspace.close();
    }
  },
};
