/**
 * `shadowed-note`: a note that a note in the top folder shares its file name with, while `[[Name]]`
 * links by that bare name lead to the top one (`[[Name]]` is the exact path `Name.md`, which Obsidian
 * takes first, even from a note beside the other). A note added or moved up to the root takes such
 * links over from a deeper note without a word in the files: this says, once per shadowed note, which
 * links now lead elsewhere and how to point one here. A namesake beside the linking note also wins,
 * but only for links from that folder, which mean it.
 */
import { NameResolver } from '../model/nameResolver.js';
import type { Rule, RuleFinding } from './finding.js';

export const shadowedNote: Rule = {
  id: 'shadowed-note',
  check(input, keys) {
    const byName = new Map<string, string[]>();
    for (const document of input.documents) {
      const name = NameResolver.namesOf(document)[0]!;
      byName.set(name, [...(byName.get(name) ?? []), document.path]);
    }
    // The top note's path → the documents whose bare [[Name]] links lead to it, with how many each.
    const linked = new Map<string, Map<string, number>>();
    for (const document of input.documents) {
      for (const link of document.nameLinks) {
        if (link.form !== 'wiki' || link.target === '' || link.target.includes('/')) continue;
        const resolved = keys.names.resolve(link, document.path);
        if (resolved.kind !== 'found') continue;
        const name = NameResolver.lookupName(link);
        if (
          (byName.get(name)?.length ?? 0) < 2 ||
          NameResolver.namesOf({ path: resolved.path })[0] !== name
        ) {
          continue;
        }
        const from = linked.get(resolved.path) ?? new Map<string, number>();
        from.set(document.path, (from.get(document.path) ?? 0) + 1);
        linked.set(resolved.path, from);
      }
    }
    const findings: RuleFinding[] = [];
    for (const document of input.documents) {
      const namesakes = byName.get(NameResolver.namesOf(document)[0]!) ?? [];
      const nearer = namesakes.find(
        (path) => !path.includes('/') && path !== document.path && linked.has(path),
      );
      if (nearer === undefined) continue;
      const from = linked.get(nearer)!;
      const count = [...from.values()].reduce((sum, each) => sum + each, 0);
      const name = document.path.slice(document.path.lastIndexOf('/') + 1).replace(/\.md$/i, '');
      const notes = [...from.keys()].sort();
      const links = count === 1 ? `the [[${name}]] link in` : `the ${count} [[${name}]] links in`;
      const where = notes.length === 1 ? notes[0]! : `${notes.length} notes (${notes.join(', ')})`;
      findings.push({
        ...(document.key === undefined ? {} : { key: document.key }),
        path: document.path,
        line: 1,
        message: `${document.path} shares its name with ${nearer}, nearer the root: ${links} ${where} ${count === 1 ? 'leads' : 'lead'} there, not here. Write [[${document.path.replace(/\.md$/i, '')}]] where this note is meant.`,
      });
    }
    return findings;
  },
};
