/**
 * A requirement block in the conflict resolver's Edit box: a PM edits the requirement's words, not the
 * `:::requirement{…}` lines around them. The fence is taken off only when both sides open it the same
 * way (the conflict is in the text); when the attributes differ too, the whole source is edited.
 */
const fenced = /^(:::requirement\{[^\n]*\}[ \t]*\n)([\s\S]*?)(\n:::[ \t]*\n*)$/;

export interface FencedText {
  /** What the Edit box shows and the user changes. */
  body: string;
  /** Puts the edited body back between the fence lines. */
  wrap: (body: string) => string;
}

export function editableText(mine: string, theirs: string): FencedText {
  const own = fenced.exec(mine);
  const other = fenced.exec(theirs);
  if (!own || !other || own[1] !== other[1]) return { body: mine, wrap: (body) => body };
  const [, open, body, close] = own as unknown as [string, string, string, string];
  return { body, wrap: (edited) => `${open}${edited.replace(/\n+$/, '')}${close}` };
}
