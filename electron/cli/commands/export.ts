/**
 * `specbench export <dir> (--spec KEY … | --doc NAME … | --all | --release REL-n) --format pdf|md|zip|html|feature --out PATH [--include …]`:
 * spec bundles, or the stories' acceptance criteria as Gherkin.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { BundleDocument } from '../../export/specBundle.js';
import type { FeatureSelection } from '../../export/featureFiles.js';
import type { CliCommand } from '../cliCommand.js';
import {
  commaList,
  exitCodes,
  fromWorkingFolder,
  fail,
  outputFormat,
  outputOptions,
  plural,
  writeJson,
  writeLines,
  type CliContext,
  type CliStreams,
  shownPath,
} from '../cliOutput.js';
import { openRepository } from '../openRepository.js';
import { openWorkspace } from '../openWorkspace.js';
import { exportPhase } from '../../export/exportTiming.js';
import { startPrinterEarly } from '../../export/earlyPrinter.js';
import { reportUnreadable } from '../unreadableDocuments.js';
import { specDefinition } from './check.js';

/** What export --format feature says where no document is a story. */
const storyDefinition =
  'a story is a Markdown file whose front matter has key: STORY-1 and type: story (or a key and a place in stories/)';

const formats = ['pdf', 'md', 'zip', 'html', 'feature'];
const barWidth = 24;

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'a spec bundle for review (PDF, Markdown, zip, HTML), or acceptance tests as Gherkin',
  usage:
    'specbench export <dir> (--spec KEY … | --doc KEY|PATH|TITLE … | --all | --release REL-n) [--format pdf|md|zip|html|feature] --out PATH|- [--include stories,faqs,roadmap,matrix,comments] [--changes-since REV] [--json]',
  details: `Bundles the chosen specs, and any documents as they are (a note, an RFC, a design doc: no
key or front matter needed), with, on request, for the specs among them the stories implementing
their requirements, the FAQs answering them, the roadmap items they deliver and a traceability matrix.

Options:
  --spec KEY[,KEY]  specs to include (repeat --spec, or give a comma list)
  --doc NAME        a document of any kind to include, after the specs (repeat for more): its key,
                    its path in the workspace (notes/Callouts.md) or its title ("Callout boxes")
  --all             every spec in the workspace (not with --spec or --doc), or
  --release REL-n   for feature: the stories delivering that release's roadmap items
  --format FORMAT   pdf (cover, contents with page numbers, "Page N of M"; needs Chromium),
                    md (one file, its images copied into <name>.assets/ beside it; with --out -
                    embedded), zip (the documents with relative links and their images), html
                    (one self-contained file), feature (one Cucumber .feature file per story
                    implementing the specs, or per story with --all); without --format,
                    the --out file's extension says it (.pdf, .md, .zip, .html)
  --out PATH        the file to write, whole or not at all (md's images too: the files of the same
                    names in <name>.assets/ are replaced, others there are left alone); missing
                    folders on the way are created.
                    --out - writes the bundle to standard output (PDF and zip only into a pipe).
                    For feature: the folder to write into (made if missing; its files are
                    replaced, all of them or none; files an earlier export wrote there for
                    stories since retitled or deleted are removed, files of your own are kept),
                    or a file name ending in .feature when there is one story to write
  --include PARTS   comma-separated: stories, faqs, roadmap, matrix, comments (the unresolved
                    review comments on the exported documents, as an appendix)
  --changes-since REV
                    adds a last chapter: what changed since REV (a tag, branch or commit) in
                    requirements, roadmap items and story status, as specbench diff reports it
  --json            print {"path" (relative to the working folder), "bytes",
                    "documents": {"specs", "stories", "faqs"}, "leftOut": [{"path", "line",
                    "message"}], "warnings": [lines as on stderr]} instead of a sentence; for feature
                    {"path", "files", "scenarios", "unsplit", "removed": [file names], "leftOut"}

A feature file is tagged @STORY-n @REQ-n @RM-n, has the story's "As a … I want … so that …" as its
description and one Scenario per acceptance criterion written as "Given …, when …, then …" (And and
But too); a criterion that does not split is kept as a comment (check reports it as
criterion-not-gherkin).

Remote images are never fetched; documents' scripts never run. The PDF prints through Chromium
(/usr/bin/chromium, or the one SPECBENCH_CHROMIUM names). PDF and HTML embed Inter and JetBrains
Mono (Latin, Greek, Cyrillic, Vietnamese); a document with other characters (CJK, emoji, Arabic…)
is named on stderr, one line each: those print in a font the machine has, or as boxes; a warning:
the exit code stays 0.

Exit codes: 0 written, 1 written, but a document whose front matter cannot be read is left out (one
line on stderr each, naming its file and line: fix it, or see specbench check), 2 bad usage, an
unreadable workspace, nothing to export (no specs, or for feature no stories) or a failed export,
3 a --spec or --release key or a --doc name that is not in the workspace (or a --doc title that two
documents share: give the path).`,
  positionals: ['dir'],
  options: {
    spec: { type: 'string', multiple: true },
    doc: { type: 'string', multiple: true },
    all: { type: 'boolean' },
    release: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    include: { type: 'string', default: '' },
    'changes-since': { type: 'string' },
    // --format names the bundle's format here, so JSON output is --json alone.
    json: outputOptions.json,
  },
  async run(context, [dir], values) {
    const output = outputFormat(context, 'export', { json: values.json });
    if (output === undefined) return exitCodes.usage;
    const specs = commaList(values.spec) ?? [];
    const docs = (values.doc as string[] | undefined) ?? [];
    const release = typeof values.release === 'string' ? values.release : undefined;
    if (values.all === true && specs.length + docs.length > 0)
      return fail(context, `export: give ${specs.length > 0 ? '--spec' : '--doc'} or --all, not both`);
    if (release !== undefined && (values.all === true || specs.length + docs.length > 0))
      return fail(context, 'export: give --release alone, not with --spec, --doc or --all');
    if (values.all !== true && specs.length + docs.length === 0 && release === undefined)
      return fail(
        context,
        'export: name the specs with --spec KEY or any document with --doc NAME, or use --all',
      );
    // Without --format, the --out file's extension says it (--out review.pdf), as with most converters.
    if (values.format === undefined && typeof values.out === 'string') {
      const inferred = formatOfFile(values.out);
      if (inferred === undefined)
        return fail(
          context,
          `export: give --format pdf, md, zip, html or feature, or an --out file ending in .pdf, .md, .zip or .html`,
        );
      values.format = inferred;
    }
    if (values.format === undefined && values.out === undefined)
      return fail(
        context,
        'export: give --out PATH (its ending, .pdf, .md, .zip or .html, picks the format)',
      );
    if (typeof values.format !== 'string' || !formats.includes(values.format)) {
      return fail(
        context,
        `export: --format must be pdf, md, zip, html or feature${values.format === undefined ? '' : `, not '${String(values.format)}'`}`,
      );
    }
    if (typeof values.out !== 'string' || values.out === '')
      return fail(context, 'export: --out PATH is required');
    if (values.format !== 'feature' && namesAFolder(values.out))
      return fail(
        context,
        `export: --out ${values.out} names a folder; give a file name, such as ${values.out}bundle.${values.format}`,
      );
    if (release !== undefined && values.format !== 'feature')
      return fail(
        context,
        'export: --release applies to --format feature (the acceptance tests of what ships); a bundle takes --spec or --all',
      );
    if (values.format === 'feature') {
      if (docs.length > 0) return fail(context, 'export: --doc does not apply to --format feature');
      if (values.include !== '') return fail(context, 'export: --include does not apply to --format feature');
      if (values['changes-since'] !== undefined)
        return fail(context, 'export: --changes-since does not apply to --format feature');
      if (values.out === '-')
        return fail(context, 'export: --format feature writes a folder of files; --out - does not apply');
      return exportFeatures(
        context,
        dir!,
        release !== undefined ? { release } : values.all === true ? 'all' : specs,
        path.resolve(context.cwd, values.out),
        output,
      );
    }
    const { collectBundle, parseParts } = await import('../../export/specBundle.js');
    const parts = parseParts(String(values.include));
    if (!parts.ok)
      return fail(
        context,
        `export: unknown part '${parts.unknown}' in --include (stories, faqs, roadmap, matrix, comments)`,
      );
    const format = values.format as 'pdf' | 'md' | 'zip' | 'html';
    const toStdout = values.out === '-';
    if (toStdout && output === 'json')
      return fail(context, 'export: --out - writes the bundle itself; leave out --json');
    const terminal = context.stdout.isTTY === true;
    if (toStdout && terminal && (format === 'pdf' || format === 'zip'))
      return fail(context, `export: a ${format} bundle is binary: pipe --out - into a file or a program`);
    const out = path.resolve(context.cwd, values.out);

    exportPhase('start and parse arguments');
    const printer = format === 'pdf' ? startPrinterEarly() : undefined;
    const opened = await openWorkspace(context, 'export', dir!, { write: false });
    if (!opened.ok) {
      await printer?.close();
      return opened.code;
    }
    exportPhase('open workspace');
    try {
      const documents: string[] = [];
      for (const name of docs) {
        const found = documentNamed(opened.workspace.documents(), name);
        if (!found.ok) return fail(context, `export: ${found.message}`, exitCodes.unknownKey);
        documents.push(found.path);
      }
      const collected = await collectBundle(opened.workspace, {
        specs: values.all === true ? 'all' : specs,
        documents,
        include: parts.parts,
      });
      if (!collected.ok) {
        if (collected.error === 'empty')
          return fail(
            context,
            `export: nothing to export: ${dir} has no specs yet; ${specDefinition}. Export any document as it is with --doc NAME`,
          );
        return fail(
          context,
          `export: ${collected.message}`,
          collected.error === 'unknown-key' ? exitCodes.unknownKey : exitCodes.usage,
        );
      }
      if (typeof values['changes-since'] === 'string') {
        const chapter = await changesChapter(context, dir!, values['changes-since']);
        if (!chapter.ok) return chapter.code;
        collected.bundle.documents.push(chapter.document);
      }
      const { exportBundle, renderBundle } = await import('../../export/exportBundle.js');
      const { workspaceVersion } = await import('../../export/gitVersion.js');
      exportPhase('load the exporter');
      const version = await workspaceVersion(opened.root);
      exportPhase('read git version');
      const bar = progressBar(context);
      const common = {
        format,
        ...(version === undefined ? {} : { version }),
        ...(printer === undefined ? {} : { launchPrinter: printer.launcher }),
        onProgress: bar.update,
      };
      if (toStdout) {
        const rendered = await renderBundle(collected.bundle, common);
        bar.clear();
        if (!rendered.ok) return fail(context, `export: ${rendered.message}`);
        context.stdout.write(rendered.data);
        for (const warning of rendered.warnings ?? [])
          context.stderr.write(`specbench: export: ${warning}\n`);
        const leftOut = reportUnreadable(context, 'export', opened.root, opened.workspace.documents());
        return leftOut.length > 0 ? exitCodes.findings : exitCodes.ok;
      }
      const result = await exportBundle(collected.bundle, { ...common, out });
      bar.clear();
      if (!result.ok) return fail(context, `export: ${fromWorkingFolder(context, result.message)}`);
      for (const warning of result.warnings ?? []) context.stderr.write(`specbench: export: ${warning}\n`);
      const leftOut = reportUnreadable(context, 'export', opened.root, opened.workspace.documents());
      const done = leftOut.length > 0 ? exitCodes.findings : exitCodes.ok;
      const types = collected.bundle.documents.map((document) => document.entry.type);
      const shown = shownPath(context, result.path);
      if (output === 'json') {
        const count = (type: string): number => types.filter((candidate) => candidate === type).length;
        writeJson(context, {
          path: shown,
          bytes: result.bytes,
          documents: { specs: count('spec'), stories: count('story'), faqs: count('faq') },
          leftOut,
          warnings: result.warnings ?? [],
        });
        return done;
      }
      writeLines(context, [`Wrote ${shown} (${size(result.bytes)}; ${countTypes(types)}).`]);
      return done;
    } finally {
      await printer?.close();
      await opened.workspace.close();
    }
  },
};

/** The document a --doc names: by key, by path (with or without .md), else by title or file name, when one has it. */
export function documentNamed(
  entries: readonly { key?: string; path: string; title: string }[],
  name: string,
): { ok: true; path: string } | { ok: false; message: string } {
  const exact = entries.find(
    (entry) => entry.key === name || entry.path === name || entry.path === `${name}.md`,
  );
  if (exact) return { ok: true, path: exact.path };
  const wanted = name.toLowerCase();
  const fileName = (entry: { path: string }) =>
    entry.path.slice(entry.path.lastIndexOf('/') + 1).replace(/\.(md|markdown)$/i, '');
  const titled = entries.filter((entry) => entry.title.toLowerCase() === wanted);
  const named =
    titled.length > 0 ? titled : entries.filter((entry) => fileName(entry).toLowerCase() === wanted);
  if (named.length === 1) return { ok: true, path: named[0]!.path };
  if (named.length > 1)
    return {
      ok: false,
      message: `--doc '${name}' could mean ${named.map((entry) => entry.path).join(' or ')}: give the path`,
    };
  return { ok: false, message: `--doc '${name}': no document has that key, path or title` };
}

async function exportFeatures(
  context: CliContext,
  dir: string,
  specs: FeatureSelection,
  out: string,
  output: 'text' | 'json',
): Promise<number> {
  const opened = await openWorkspace(context, 'export', dir, { write: false });
  if (!opened.ok) return opened.code;
  try {
    const { collectFeatures, writeFeatureFile, writeFeatures } = await import('../../export/featureFiles.js');
    const collected = await collectFeatures(opened.workspace, specs);
    if (!collected.ok && collected.error === 'empty')
      return fail(
        context,
        specs === 'all'
          ? `export: nothing to export: ${dir} has no stories yet; ${storyDefinition}`
          : `export: nothing to export: ${collected.message}`,
      );
    if (!collected.ok)
      return fail(
        context,
        `export: ${collected.message}`,
        collected.error === 'unknown-key' ? exitCodes.unknownKey : exitCodes.usage,
      );
    const shown = shownPath(context, out);
    // x.feature names one file (unless an earlier export made a folder of that name).
    const oneFile =
      out.toLowerCase().endsWith('.feature') &&
      !(await fs.stat(out).then(
        (stats) => stats.isDirectory(),
        () => false,
      ));
    const count = collected.ok ? collected.features.files.length : 0;
    if (oneFile && count > 1)
      return fail(
        context,
        `export: --out ${shown} names one file, but ${count} stories each get a .feature file; give a folder, such as --out ${path.join(path.dirname(shown), 'features')}`,
      );
    const written = oneFile
      ? await writeFeatureFile(collected.features, out)
      : await writeFeatures(collected.features, out);
    if (!written.ok) return fail(context, `export: ${fromWorkingFolder(context, written.message)}`);
    const leftOut = reportUnreadable(context, 'export', opened.root, opened.workspace.documents());
    const done = leftOut.length > 0 ? exitCodes.findings : exitCodes.ok;
    if (output === 'json') {
      const { files, scenarios, unsplit, removed } = written;
      writeJson(context, { path: shown, files, scenarios, unsplit, removed, leftOut });
      return done;
    }
    const skipped =
      written.unsplit === 0
        ? ''
        : `; ${plural(written.unsplit, 'criterion', 'criteria')} not in Given/When/Then kept as comments (see specbench check)`;
    const removed =
      written.removed.length === 0
        ? ''
        : `; removed ${plural(written.removed.length, 'feature file')} it wrote before for stories retitled or gone (${written.removed.join(', ')})`;
    writeLines(context, [
      `Wrote ${plural(written.files, 'feature file')} with ${plural(written.scenarios, 'scenario')} to ${shown}${skipped}${removed}.`,
    ]);
    return done;
  } finally {
    await opened.workspace.close();
  }
}

/** A bar on stderr when it is a terminal; nothing otherwise, so pipes and CI logs stay clean. */
function progressBar(context: CliStreams): {
  update: (fraction: number, step: string) => void;
  clear: () => void;
} {
  const stream = context.stderr;
  if (stream.isTTY !== true) return { update: () => undefined, clear: () => undefined };
  let drawn = false;
  return {
    update(fraction, step) {
      const filled = Math.round(Math.min(1, Math.max(0, fraction)) * barWidth);
      stream.write(
        `\r\x1b[K[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}% ${step}`,
      );
      drawn = true;
    },
    clear() {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}

function countTypes(types: string[]): string {
  const count = (type: string): number => types.filter((candidate) => candidate === type).length;
  const others = types.filter((type) => !['spec', 'story', 'faq'].includes(type)).length;
  const counts = [
    plural(count('spec'), 'spec'),
    plural(count('story'), 'story', 'stories'),
    plural(count('faq'), 'FAQ'),
  ];
  // A bundle of notes alone says so, not "0 specs, 0 stories, 0 FAQs".
  if (others === 0) return counts.join(', ');
  const named = counts.filter((text) => !text.startsWith('0 '));
  return [...named, plural(others, named.length > 0 ? 'other document' : 'document')].join(', ');
}

function size(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The change report since a revision as one more document of the bundle. */
async function changesChapter(
  context: CliContext,
  dir: string,
  revision: string,
): Promise<{ ok: true; document: BundleDocument } | { ok: false; code: number }> {
  const opened = await openRepository(context, 'export', dir);
  if (!opened.ok) return opened;
  const resolved = await opened.repository.resolve(revision);
  if (!resolved.ok) return { ok: false, code: fail(context, `export: --changes-since: ${resolved.message}`) };
  const [{ changeReport }, { changeReportMarkdown }, { indexDocument }] = await Promise.all([
    import('../../git/changeReport.js'),
    import('../../git/formatChangeReport.js'),
    import('../../engine/indexDocument.js'),
  ]);
  const report = changeReport(
    revision,
    'this bundle',
    await opened.repository.filesAt(revision),
    await opened.repository.workingFiles(),
  );
  const text = changeReportMarkdown(report);
  const entry = indexDocument(`changes-since-${revision.replace(/[^\w.-]+/g, '-')}.md`, text, {
    size: text.length,
    mtimeMs: 0,
    hash: '',
  });
  return { ok: true, document: { entry, text } };
}

/** The bundle format an --out file name ends in (`review.pdf`), if any; `-` and folders say none. */
function formatOfFile(out: string): string | undefined {
  const extension = /\.([a-z]+)$/i.exec(out)?.[1]?.toLowerCase();
  return extension === 'markdown'
    ? 'md'
    : extension === 'htm'
      ? 'html'
      : formats.find((format) => format === extension && format !== 'feature');
}

/** `--out dir/` names a folder (which may not exist yet): a bundle needs a file name. */
function namesAFolder(out: string): boolean {
  return /[\\/]$/.test(out);
}
