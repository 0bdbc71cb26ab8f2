/** The requirements whose `roadmap=` names this item, each with the stories that implement it. */
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import { documentLink } from '../../workbench/route.js';
import { openHash } from '../../workbench/storyView.js';
import { HashLink } from '../../ui/HashLink.js';
import type { Delivery } from './roadmapLanes.js';
import { statusLabel } from '../../ui/statusLabel.js';
import { deliverySummary } from './roadmapLanes.js';

interface DeliveringRequirementsProps {
  itemKey: string;
  delivery: Delivery;
  workspace: WorkspaceState;
  navigate: (hash: string) => void;
}

export function DeliveringRequirements({
  itemKey,
  delivery,
  workspace,
  navigate,
}: DeliveringRequirementsProps) {
  const requirements = delivery.details;
  const writable = workspace.info?.writable ?? false;
  return (
    <section className="panel delivering" aria-labelledby="delivering-title">
      <h2 id="delivering-title" className="panel__title">
        Delivering requirements <span className="panel__count">{deliverySummary(delivery)}</span>
      </h2>
      {requirements.length === 0 ? (
        <p className="view-empty">
          No requirement delivers {itemKey} yet. Add <code>roadmap={itemKey}</code> to a requirement block in
          a spec.
        </p>
      ) : (
        <ul className="delivering__list">
          {requirements.map((requirement) => {
            const spec = workspace.byPath.get(requirement.path);
            return (
              <li key={`${requirement.path}#${requirement.key}`} className="delivering__requirement">
                <div className="delivering__head">
                  <HashLink
                    className="key-chip key-chip--link"
                    hash={documentLink(requirement, { requirement: requirement.key })}
                    navigate={navigate}
                  >
                    {requirement.key}
                  </HashLink>
                  <span className="delivering__summary">{requirement.summary}</span>
                  {requirement.priority && (
                    <span className={`priority-chip priority-chip--${requirement.priority}`}>
                      {statusLabel(requirement.priority)}
                    </span>
                  )}
                  {requirement.status && (
                    <span className="status-chip">{statusLabel(requirement.status)}</span>
                  )}
                </div>
                <div className="delivering__source">
                  in{' '}
                  <HashLink
                    hash={documentLink(spec ?? { path: requirement.path }, {}, workspace.byKey)}
                    navigate={navigate}
                  >
                    {spec?.title ?? requirement.path}
                  </HashLink>
                </div>
                {requirement.stories.length === 0 ? (
                  <p className="delivering__gap">No story implements {requirement.key} yet.</p>
                ) : (
                  <ul className="delivering__stories" aria-label={`Stories implementing ${requirement.key}`}>
                    {requirement.stories.map((story) => (
                      <li key={story.path}>
                        <HashLink
                          hash={openHash({ ...story, type: 'story' }, writable, workspace.byKey)}
                          navigate={navigate}
                        >
                          {story.key && <span className="key-chip">{story.key}</span>} {story.title}
                        </HashLink>
                        {story.status && <span className="status-chip">{statusLabel(story.status)}</span>}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
