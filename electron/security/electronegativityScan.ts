/**
 * Runs Electronegativity's checks over a folder without its CLI, which fetches translations and
 * Electron release notes from the network on every run; here nothing leaves the machine.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

export interface ElectronegativityFinding {
  id: string;
  severity: string;
  confidence: string;
  /** Path relative to the scanned folder, then line. */
  where: string;
  manualReview: boolean;
}

export interface ElectronegativityResult {
  checks: number;
  files: number;
  findings: ElectronegativityFinding[];
  /** Files the parser could not read: each one is a blind spot, so the caller should fail on any. */
  unreadable: string[];
}

/**
 * Global checks left out, each for a reason that holds for this project:
 * - AvailableSecurityFixesGlobalCheck downloads Electron's release list (network).
 * - CSPGlobalCheck only recognises a policy set through webRequest or a <meta> tag; Specbench sends
 *   its policy as a header of every `specbench-app://` response (appProtocol.ts, tested in
 *   appProtocol.test.ts "the policy sent with each kind of file").
 */
export const excludedGlobalChecks = ['AvailableSecurityFixesGlobalCheck', 'CSPGlobalCheck'];

interface Level {
  value: number;
  name: string;
}
interface RawIssue {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: Level;
  confidence: Level;
  manualReview?: boolean;
  visibility?: { inlineDisabled: boolean; globalCheckDisabled: boolean };
}
interface Loader {
  load(input: string): Promise<void>;
  list_files: Set<string>;
  load_buffer(file: string): string;
}
interface Finder {
  find(
    file: string,
    data: unknown,
    type: unknown,
    content: unknown,
    x: null,
    version: string,
  ): Promise<RawIssue[]>;
  _enabled_checks: unknown[];
}
interface GlobalChecks {
  getResults(issues: RawIssue[], output: undefined): Promise<RawIssue[]>;
  _enabled_checks: unknown[];
}
interface Engine {
  loader: { LoaderDirectory: new () => Loader };
  parser: { Parser: new (sourceType: boolean, esprima: boolean) => Parser };
  finder: {
    Finder: new (custom: string[], exclude: string[], upgrade: undefined) => Finder;
    GlobalChecks: new (custom: string[], exclude: string[], upgrade: undefined) => GlobalChecks;
  };
  i18n: {
    configure(options: Record<string, unknown>): void;
    setLocale(locale: string): void;
  };
  locales: string;
}
interface Parser {
  parse(file: string, content: string): [unknown, unknown, unknown, { message: string }[] | undefined];
}

function loadEngine(): Engine {
  const require = createRequire(import.meta.url);
  const root = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
  const fromPackage = createRequire(path.join(root, 'package.json'));
  return {
    loader: fromPackage('./dist/loader') as Engine['loader'],
    parser: fromPackage('./dist/parser') as Engine['parser'],
    finder: fromPackage('./dist/finder') as Engine['finder'],
    i18n: fromPackage('i18n') as Engine['i18n'],
    locales: path.join(root, 'dist', 'locales'),
  };
}

/** Scans every .js/.ts/.html file and package.json under `input` as Electron `electronVersion` code. */
export async function scanWithElectronegativity(
  input: string,
  electronVersion: string,
): Promise<ElectronegativityResult> {
  const engine = loadEngine();
  // The checks describe themselves through a global `__`; the bundled English texts are enough.
  engine.i18n.configure({
    locales: ['en-US'],
    defaultLocale: 'en-US',
    directory: engine.locales,
    updateFiles: false,
    objectNotation: true,
    retryInDefaultLocale: true,
    register: globalThis,
  });
  engine.i18n.setLocale('en-US');
  const loader = new engine.loader.LoaderDirectory();
  await loader.load(input);
  const exclusions = excludedGlobalChecks.map((name) => name.toLowerCase());
  const globalChecks = new engine.finder.GlobalChecks([], exclusions, undefined);
  const finder = new engine.finder.Finder([], [], undefined);
  const parser = new engine.parser.Parser(false, true);
  const issues: RawIssue[] = [];
  const unreadable: string[] = [];
  const files = [...loader.list_files];
  for (const file of files) {
    try {
      const [type, data, content] = parser.parse(file, loader.load_buffer(file));
      if (data === null) continue;
      issues.push(...(await finder.find(file, data, type, content, null, electronVersion)));
    } catch (error) {
      unreadable.push(`${path.relative(input, file)}: ${(error as Error).message}`);
    }
  }
  const results = await globalChecks.getResults(issues, undefined);
  const findings = results
    .filter((issue) => !issue.visibility?.inlineDisabled && !issue.visibility?.globalCheckDisabled)
    .map((issue) => ({
      id: issue.id,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      where: `${path.relative(input, issue.file) || '(global)'}:${issue.location.line}`,
      manualReview: issue.manualReview === true,
    }));
  return {
    checks: globalChecks._enabled_checks.length + finder._enabled_checks.length,
    files: files.length,
    findings,
    unreadable,
  };
}
