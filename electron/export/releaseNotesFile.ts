/** Release notes for one release of an open workspace, as the file `release-notes` and the app's Export write. */
import type { Result } from '../../shared/contract/apiContract.js';
import { summarizeDocument } from '../../shared/contract/documentSummary.js';
import { releaseNotesMarkdown, type ReleaseAudience } from '../../shared/releases/releaseNotes.js';
import { releaseReadiness } from '../../shared/releases/releaseReadiness.js';
import type { Workspace } from '../engine/workspace.js';
import { slugify } from '../engine/workspacePaths.js';
import { releaseNotesHtml } from './releaseNotesHtml.js';

export interface ReleaseNotesFile {
  fileName: string;
  mediaType: string;
  text: string;
}

export function releaseNotesFile(
  workspace: Workspace,
  key: string,
  audience: ReleaseAudience,
  format: 'md' | 'html',
): Result<ReleaseNotesFile, 'not-found'> {
  const release = workspace.roadmapStore.release(key);
  if (!release) return { ok: false, error: 'not-found', message: `There is no release ${key}.` };
  const readiness = releaseReadiness(
    release,
    workspace.roadmap(),
    workspace.documents().map(summarizeDocument),
  );
  const findings = audience === 'internal' ? workspace.check() : [];
  const markdown = releaseNotesMarkdown(readiness, audience, findings);
  const base = `${slugify(release.name) || key.toLowerCase()}-${audience === 'internal' ? 'internal-notes' : 'release-notes'}`;
  const title = `${release.name}${audience === 'internal' ? ' — internal notes' : ''}`;
  return format === 'html'
    ? { ok: true, fileName: `${base}.html`, mediaType: 'text/html', text: releaseNotesHtml(markdown, title) }
    : { ok: true, fileName: `${base}.md`, mediaType: 'text/markdown', text: markdown };
}
