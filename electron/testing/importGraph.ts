/**
 * The project's own import graph, from the TypeScript sources: every relative import, export-from,
 * `import type` and dynamic `import()`, so a test can prove that the arrows run one way.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Workspace-relative file → the project files it imports. */
export type ImportGraph = Map<string, string[]>;

const sourcePattern = /\.(ts|tsx|cts|mts)$/;

/** Reads every source file under `folders` (relative to `root`) and resolves its relative imports. */
export function importGraph(root: string, folders: string[]): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const file of folders.flatMap((folder) => sourceFiles(path.join(root, folder)))) {
    const imported = ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles;
    const targets = imported
      .filter((reference) => reference.fileName.startsWith('.'))
      .map((reference) => resolveSource(path.resolve(path.dirname(file), reference.fileName)))
      .filter((target): target is string => target !== undefined)
      .map((target) => path.relative(root, target).split(path.sep).join('/'));
    graph.set(path.relative(root, file).split(path.sep).join('/'), [...new Set(targets)]);
  }
  return graph;
}

/** Each import cycle as the files around it, first file repeated at the end; none when the graph is one-way. */
export function importCycles(graph: ImportGraph): string[][] {
  // Tarjan's strongly connected components: every component of more than one file (or a file importing itself) is a cycle.
  let counter = 0;
  const order = new Map<string, number>();
  const lowest = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    order.set(file, counter);
    lowest.set(file, counter++);
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!order.has(target)) {
        visit(target);
        lowest.set(file, Math.min(lowest.get(file)!, lowest.get(target)!));
      } else if (onStack.has(target)) lowest.set(file, Math.min(lowest.get(file)!, order.get(target)!));
    }
    if (lowest.get(file) !== order.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || graph.get(file)?.includes(file)) cycles.push(cyclePath(graph, component));
  };
  for (const file of [...graph.keys()].sort()) if (!order.has(file)) visit(file);
  return cycles;
}

/** One way around a component, from its first file by name: what a reader follows to break it. */
function cyclePath(graph: ImportGraph, component: string[]): string[] {
  const members = new Set(component);
  const start = [...members].sort()[0]!;
  const route = [start];
  const seen = new Set([start]);
  let current = start;
  for (;;) {
    const targets = (graph.get(current) ?? []).filter((target) => members.has(target));
    const next = targets.find((target) => !seen.has(target)) ?? targets.find((target) => target === start);
    if (next === undefined || next === start) return [...route, start];
    route.push(next);
    seen.add(next);
    current = next;
  }
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return sourcePattern.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** `./x.js` names `./x.ts` (or .tsx, .cts); `./x.json` and packages are not project sources. */
function resolveSource(target: string): string | undefined {
  const stem = target.replace(/\.(js|jsx|cjs|mjs)$/, '');
  const candidates = [`${stem}.ts`, `${stem}.tsx`, `${stem}.cts`, `${stem}.mts`, path.join(stem, 'index.ts')];
  return candidates.find((candidate) => existsSync(candidate));
}
