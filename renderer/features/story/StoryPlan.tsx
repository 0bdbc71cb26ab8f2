/** The engineer view's Design and Depends on: the story's and its specs' design links, and what it waits for. */
import type { DocumentSummary } from '../../../shared/contract/documentSummary.js';
import type { DesignLink } from '../../../shared/model/designLinks.js';
import { WebAddressLink } from '../../ui/WebAddressLink.js';
import { keyHash, roadmapItemHash } from '../../workbench/route.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import { storyDependencies } from './storyDependencies.js';

interface StoryPlanProps {
  story: DocumentSummary;
  /** The specs that define the requirements the story implements: their design links count too. */
  specs: readonly DocumentSummary[];
  workspace: WorkspaceState;
}

export function StoryPlan({ story, specs, workspace }: StoryPlanProps) {
  const design: { link: DesignLink; from?: string }[] = [
    ...(story.design ?? []).map((link) => ({ link })),
    ...specs.flatMap((spec) => (spec.design ?? []).map((link) => ({ link, from: spec.key ?? spec.title }))),
  ];
  const dependencies = storyDependencies(story.depends ?? [], workspace);
  if (design.length === 0 && dependencies.length === 0) return null;
  const waiting = dependencies.filter((dependency) => dependency.waiting).length;
  return (
    <div className="story-grid">
      <section aria-label="Design" className="story-card">
        <h2>Design</h2>
        {design.length === 0 ? (
          <p className="muted">No design links on the story or its spec.</p>
        ) : (
          <ul className="plain-list">
            {design.map(({ link, from }, index) => (
              <li key={`${from ?? ''}${index}`}>
                {link.url ? (
                  <WebAddressLink address={link.url} text={link.label} />
                ) : (
                  <span>{link.label}</span>
                )}
                {from && <span className="muted">from {from}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-label="Depends on" className="story-card">
        <h2>
          Depends on
          {waiting > 0 && <span className="dependency-waiting-count"> · {waiting} not done</span>}
        </h2>
        {dependencies.length === 0 ? (
          <p className="muted">Nothing: it can start now.</p>
        ) : (
          <ul className="plain-list">
            {dependencies.map((dependency) => (
              <li key={dependency.key} className={dependency.waiting ? 'dependency waiting' : 'dependency'}>
                {dependency.kind === undefined ? (
                  <span>
                    <span className="key">{dependency.key}</span> not found in this workspace
                  </span>
                ) : (
                  <a
                    href={
                      dependency.kind === 'roadmap'
                        ? roadmapItemHash(dependency.key)
                        : keyHash(dependency.key)
                    }
                  >
                    <span className="key">{dependency.key}</span> {dependency.title ?? ''}
                  </a>
                )}
                <span className="muted">
                  {dependency.status ?? 'no status'}
                  {dependency.waiting && ' · not done'}
                  {dependency.storiesDone && ' · its stories are done'}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
