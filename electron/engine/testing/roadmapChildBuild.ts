/**
 * Compiles a TypeScript entry and the relative imports it reaches into plain ESM JavaScript in a
 * temp folder, so a test can run it as a child process it can kill (Node 20 cannot run .ts itself).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const repository = fileURLToPath(new URL('../../../', import.meta.url));
const relativeImport = /(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)\.js'/g;

/** Returns the compiled entry's path; bare imports resolve through a link to the repository's node_modules. */
export async function buildForChildProcess(entry: string, outFolder: string): Promise<string> {
  const pending = [path.resolve(entry)];
  const done = new Set<string>();
  while (pending.length > 0) {
    const source = pending.pop()!;
    if (done.has(source)) continue;
    done.add(source);
    const text = await fs.readFile(source, 'utf8');
    for (const match of text.matchAll(relativeImport))
      pending.push(path.resolve(path.dirname(source), `${match[1]}.ts`));
    const output = ts.transpileModule(text, {
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        verbatimModuleSyntax: true,
      },
      fileName: source,
    });
    const target = path.join(outFolder, path.relative(repository, source)).replace(/\.ts$/, '.js');
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, output.outputText);
  }
  await fs.symlink(path.join(repository, 'node_modules'), path.join(outFolder, 'node_modules'), 'dir');
  await fs.writeFile(path.join(outFolder, 'package.json'), '{ "type": "module" }\n');
  return path.join(outFolder, path.relative(repository, path.resolve(entry))).replace(/\.ts$/, '.js');
}
