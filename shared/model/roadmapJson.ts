/**
 * How `roadmap.json` is laid out: two-space JSON with short leaf objects on one line
 * (`"rice": { "reach": 1, … }`), the way the sample and hand-edited files are, so a write (or a
 * merge) changes only the lines that changed.
 */
export function formatRoadmapJson(data: unknown): string {
  return `${JSON.stringify(data, null, 2).replace(leafContainer, collapseLeaf)}\n`;
}

const jsonString = String.raw`"(?:[^"\\\n]|\\.)*"`;
const jsonMember = String.raw`(?:${jsonString}: )?(?:${jsonString}|-?[0-9][0-9.eE+-]*|true|false|null)`;
/** An object or array nested three deep or more (members indented 8+ spaces) holding only primitives. */
const leafContainer = new RegExp(
  String.raw`([[{])\n( {8,})(${jsonMember}(?:,\n\2${jsonMember})*)\n *([\]}])`,
  'g',
);

function collapseLeaf(_match: string, open: string, indent: string, members: string): string {
  const inner = members.split(`,\n${indent}`).join(', ');
  return open === '{' ? `{ ${inner} }` : `[${inner}]`;
}
