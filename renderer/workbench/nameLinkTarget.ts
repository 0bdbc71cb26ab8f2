/**
 * Where a link by name leads in the open workspace: `[[Note]]`, `[[Note#Heading]]`, `![[image.png]]`,
 * resolved by the engine's own rules (NameResolver) against the documents and other files listed.
 */
import type { DocumentSummary } from '../../shared/contract/documentSummary.js';
import { localTarget, type NameLink } from '../../shared/grammar/nameLinkGrammar.js';
import { fileTitle } from '../../shared/model/documentTitle.js';
import { nearMatches, nearMatchQuestion } from '../../shared/model/nearMatch.js';
import { documentHash } from './route.js';
import type { WorkspaceState } from './workspaceState.js';

export interface NameLinkTarget {
  state: 'found' | 'ambiguous' | 'missing' | 'outside';
  /** The file the link opens (for an ambiguous name, the one a click opens). */
  path?: string;
  /** The Markdown document it names, if it is one. */
  document?: DocumentSummary;
  /** The target's title (a document's), or its file name. */
  title: string;
  /** Where a click goes: the document, at the heading or block. */
  hash?: string;
  /** Every file the name could mean, when it is ambiguous. */
  candidates?: string[];
}

const imageExtension = /\.(png|jpe?g|gif|webp|svg|bmp|avif)$/i;

export function isImagePath(path: string): boolean {
  return imageExtension.test(path);
}

export function resolveNameLink(
  workspace: Pick<WorkspaceState, 'names' | 'byPath'>,
  link: Pick<NameLink, 'target' | 'anchor' | 'form'>,
  fromPath: string,
): NameLinkTarget {
  const resolution = workspace.names.resolve(link, fromPath);
  if (resolution.kind === 'missing' || resolution.kind === 'outside') {
    return { state: resolution.kind, title: link.target === '' ? (link.anchor ?? '') : link.target };
  }
  const path = resolution.path;
  const document = workspace.byPath.get(path);
  const target: NameLinkTarget = {
    state: resolution.kind,
    path,
    title: document?.title ?? fileTitle(path),
  };
  if (document) {
    target.document = document;
    target.hash = documentHash(path, undefined, link.anchor);
  }
  if (resolution.kind === 'ambiguous') target.candidates = resolution.candidates;
  return target;
}

/**
 * Where a Markdown link's destination leads inside the workspace (`#heading`, `other.md#heading`,
 * `../docs/`): the document's address, at the heading; undefined for a web address or a file that is not a note.
 */
export function localLinkHash(
  workspace: Pick<WorkspaceState, 'names' | 'byPath'>,
  href: string,
  fromPath: string,
): string | undefined {
  const local = localTarget(href);
  if (!local) return undefined;
  const link: Pick<NameLink, 'target' | 'anchor' | 'form'> = { target: local.path, form: 'markdown' };
  if (local.anchor !== undefined) link.anchor = local.anchor;
  return resolveNameLink(workspace, link, fromPath).hash;
}

/**
 * Why a Markdown link into the workspace cannot be opened, with the file of the same name if there is
 * one (a docs folder served at `/docs/` on its site); undefined for a link that opens, a web address,
 * or a file outside the workspace.
 */
export function localLinkProblem(
  workspace: Pick<WorkspaceState, 'names'>,
  href: string,
  fromPath: string,
): { message: string; near: string[] } | undefined {
  const local = localTarget(href);
  if (!local || local.path === '') return undefined;
  if (workspace.names.resolve({ target: local.path, form: 'markdown' }, fromPath).kind !== 'missing')
    return undefined;
  const near = nearMatches(workspace.names, local.path, fromPath);
  const hint = near.length > 0 ? ` ${nearMatchQuestion(near)}` : '';
  return { message: `Cannot open ${local.path}: not found in this workspace.${hint}`, near };
}

/** How to write a link to `path` from `fromPath`: its file name when that finds it alone, else its path (without `.md`). */
export function linkNameFor(names: WorkspaceState['names'], path: string, fromPath: string): string {
  const withoutExtension = path.replace(/\.md$/i, '');
  const name = withoutExtension.slice(withoutExtension.lastIndexOf('/') + 1);
  const found = names.resolve({ target: name, form: 'wiki' }, fromPath);
  return found.kind === 'found' && found.path === path ? name : withoutExtension;
}
