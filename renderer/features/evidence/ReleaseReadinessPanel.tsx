/** A release's readiness: items ready, requirements and stories done, and the open problems in its documents. */
import { notCountedRequirements, type ReleaseReadiness } from '../../../shared/releases/releaseReadiness.js';
import { documentHash } from '../../workbench/route.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';

function relatedPaths(readiness: ReleaseReadiness, workspace: WorkspaceState): Set<string> {
  const paths = new Set<string>();
  for (const item of readiness.items) {
    for (const requirement of item.requirements) {
      paths.add(requirement.specPath);
      for (const story of requirement.stories) {
        const path = workspace.byKey.get(story.key)?.path;
        if (path) paths.add(path);
      }
    }
  }
  return paths;
}

export function ReadinessPanel({
  readiness,
  workspace,
}: {
  readiness: ReleaseReadiness;
  workspace: WorkspaceState;
}) {
  // The same requirements the verdict counts (not could, wont or deferred), so the tiles cannot disagree with it.
  const requirements = readiness.items.flatMap((item) =>
    item.requirements.filter((requirement) => requirement.notCounted === undefined),
  );
  const notCounted = notCountedRequirements(readiness);
  const storiesDone = readiness.items.reduce((sum, item) => sum + item.storiesDone, 0);
  const storiesTotal = readiness.items.reduce((sum, item) => sum + item.storiesTotal, 0);
  const paths = relatedPaths(readiness, workspace);
  const problems = workspace.findings.filter(
    (finding) => finding.severity !== 'info' && paths.has(finding.path),
  );
  const figures: [string, string, boolean][] = [
    [
      'Items ready',
      `${readiness.items.filter((item) => item.ready).length} of ${readiness.release.items.length}`,
      readiness.ready,
    ],
    [
      'Requirements done',
      `${requirements.filter((requirement) => requirement.done).length} of ${requirements.length}`,
      requirements.length > 0 && requirements.every((requirement) => requirement.done),
    ],
    ['Stories done', `${storiesDone} of ${storiesTotal}`, storiesTotal > 0 && storiesDone === storiesTotal],
    ['Open problems', String(problems.length), problems.length === 0],
  ];
  return (
    <section className="panel" aria-labelledby="readiness-title">
      <h2 id="readiness-title" className="panel__title">
        Readiness <span className="panel__count">{readiness.ready ? 'ready to ship' : 'not ready yet'}</span>
      </h2>
      <dl className="readiness">
        {figures.map(([label, value, good]) => (
          <div
            key={label}
            className={good ? 'readiness__figure readiness__figure--good' : 'readiness__figure'}
          >
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {problems.length > 0 && (
        <ul className="readiness__problems" aria-label="Open problems">
          {problems.slice(0, 8).map((finding) => (
            <li key={`${finding.path}:${finding.line}:${finding.rule}`}>
              <a href={documentHash(finding.path, finding.line)}>{finding.message}</a>
            </li>
          ))}
        </ul>
      )}
      {notCounted.length > 0 && <p className="readiness__note">Not counted: {notCounted.join(', ')}.</p>}
      {readiness.missing.length > 0 && (
        <p className="form-error">Not on the roadmap: {readiness.missing.join(', ')}.</p>
      )}
    </section>
  );
}
