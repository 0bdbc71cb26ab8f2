/** The unified diff of one item's text (a requirement, a block, a roadmap item): `@@` hunks of `-`, `+` and ` ` lines. */
import { structuredPatch } from 'diff';

export function itemDiff(before: string, after: string, context = 2): string[] {
  const withBreak = (text: string) => (text === '' || text.endsWith('\n') ? text : `${text}\n`);
  const patch = structuredPatch('before', 'after', withBreak(before), withBreak(after), '', '', { context });
  return patch.hunks.flatMap((hunk) => [
    `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`,
    ...hunk.lines,
  ]);
}
