/**
 * The file a missing Markdown link probably meant: one of the same name elsewhere in the workspace
 * (a docs folder served at `/docs/` on its site links `/docs/docs/api/Pool.md` for `docs/api/Pool.md`).
 * Shared by the editor's click and by `check` and Problems, so both suggest the same file.
 */
import type { NameResolver } from './nameResolver.js';

/** The files named as `path`'s last part (without `.md`), wherever they are; empty when none is. */
export function nearMatches(names: Pick<NameResolver, 'resolve'>, path: string, fromPath: string): string[] {
  const name = path.replace(/\/+$/, '').replace(/\.md$/i, '');
  const namesake = names.resolve({ target: name.slice(name.lastIndexOf('/') + 1), form: 'wiki' }, fromPath);
  return namesake.kind === 'found'
    ? [namesake.path]
    : namesake.kind === 'ambiguous'
      ? namesake.candidates
      : [];
}

/** The question that offers them, as a sentence; empty when there are none. */
export function nearMatchQuestion(near: readonly string[]): string {
  return near.length > 0 ? `There is ${near.slice(0, 3).join(', ')}: is that the one meant?` : '';
}
