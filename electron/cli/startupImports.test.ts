/**
 * What a CLI command loads before it can answer: the modules reached through static imports (type
 * imports and `import()` excluded), from the TypeScript sources. Loading modules is a third of a
 * second or more of every run, so what a command does not need stays behind a dynamic import.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const projectRoot = path.join(import.meta.dirname, '../..');

/** The project files `file` loads at once when imported, itself included (workspace-relative). */
function staticImports(file: string): Set<string> {
  const seen = new Set<string>();
  const pending = [file];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    const source = ts.createSourceFile(
      next,
      readFileSync(path.join(projectRoot, next), 'utf8'),
      ts.ScriptTarget.Latest,
    );
    for (const statement of source.statements) {
      if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
      const specifier = statement.moduleSpecifier;
      if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) continue;
      if (ts.isImportDeclaration(statement) ? isTypeOnlyImport(statement) : statement.isTypeOnly) continue;
      const target = path.join(path.dirname(next), specifier.text.replace(/\.js$/, '.ts'));
      if (existsSync(path.join(projectRoot, target))) pending.push(target.split(path.sep).join('/'));
    }
  }
  return seen;
}

function isTypeOnlyImport(statement: ts.ImportDeclaration): boolean {
  const clause = statement.importClause;
  if (!clause) return false;
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return (
    clause.name === undefined &&
    bindings !== undefined &&
    ts.isNamedImports(bindings) &&
    bindings.elements.length > 0 &&
    bindings.elements.every((element) => element.isTypeOnly)
  );
}

describe('what a command loads at start', () => {
  it('serve prints its URL before loading the API service (the Markdown codec, export, import)', () => {
    const loaded = staticImports('electron/cli/commands/serve.ts');
    expect(loaded).toContain('electron/engine/workspace.ts');
    expect(loaded).not.toContain('electron/services/workspaceService.ts');
    expect(loaded).not.toContain('shared/markdown/markdownCodec.ts');
  });

  it('an open of the engine (check, search, show) builds none of the API contract’s schemas', () => {
    const loaded = staticImports('electron/engine/workspace.ts');
    expect(loaded).toContain('shared/contract/documentLimits.ts');
    expect(loaded).not.toContain('shared/contract/apiContract.ts');
  });
});
