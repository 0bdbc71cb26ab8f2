/**
 * `dependency-cycle`: stories whose `depends` lead back to themselves (STORY-3 → STORY-5 → STORY-3),
 * so none of them can start first. Reported once per cycle, on its first story by key order, at the
 * line of its `depends` that enters the cycle.
 */
import type { DocumentEntry } from '../model/documentModel.js';
import type { Rule, RuleFinding } from './finding.js';

export const dependencyCycle: Rule = {
  id: 'dependency-cycle',
  check(input) {
    const byKey = new Map<string, DocumentEntry>();
    for (const document of input.documents)
      if (document.key !== undefined && document.depends !== undefined && !byKey.has(document.key))
        byKey.set(document.key, document);
    const findings: RuleFinding[] = [];
    const reported = new Set<string>();
    for (const start of [...byKey.keys()].sort(compareKeys)) {
      const cycle = cycleFrom(start, byKey);
      if (!cycle) continue;
      const members = cycle.slice(0, -1);
      const id = [...members].sort(compareKeys).join(' ');
      if (reported.has(id)) continue;
      reported.add(id);
      const document = byKey.get(start)!;
      findings.push({
        key: start,
        path: document.path,
        line: input.linkLine?.(document, 'depends', cycle[1]!) ?? 1,
        message: `${cycle.join(' → ')}: these stories depend on each other in a circle, so none can start first.`,
      });
    }
    return findings;
  },
};

/** The shortest path of `depends` from `start` back to it, first and last `start`; undefined for none. */
function cycleFrom(start: string, byKey: ReadonlyMap<string, DocumentEntry>): string[] | undefined {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let index = 0; index < queue.length; index++) {
    const at = queue[index]!;
    for (const next of byKey.get(at)?.depends ?? []) {
      if (next === start) {
        const path = [at];
        while (path[0] !== start) path.unshift(cameFrom.get(path[0]!)!);
        return [...path, start];
      }
      if (!byKey.has(next) || cameFrom.has(next) || next === start) continue;
      cameFrom.set(next, at);
      queue.push(next);
    }
  }
  return undefined;
}

function compareKeys(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
