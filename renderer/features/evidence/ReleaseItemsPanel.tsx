/** A release's roadmap items: each one's requirements and stories done and whether it is ready; add and remove. */
import type { Release } from '../../../shared/model/roadmapModel.js';
import type { ReleaseReadiness, RequirementReadiness } from '../../../shared/releases/releaseReadiness.js';
import { HashLink } from '../../ui/HashLink.js';
import { roadmapHash, roadmapItemHash } from '../../workbench/route.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';

export function ItemsPanel({
  readiness,
  releases,
  workspace,
  navigate,
  writable,
  onItems,
}: {
  readiness: ReleaseReadiness;
  releases: readonly Release[];
  workspace: WorkspaceState;
  navigate: (hash: string) => void;
  writable: boolean;
  onItems: (items: string[]) => void;
}) {
  const keys = readiness.release.items;
  const addable = workspace.roadmap.filter((item) => !keys.includes(item.key));
  return (
    <section className="panel" aria-labelledby="release-items-title">
      <h2 id="release-items-title" className="panel__title">
        Items <span className="panel__count">{keys.length}</span>
        {keys.length > 0 && (
          <HashLink className="panel__action" hash={roadmapHash(readiness.release.key)} navigate={navigate}>
            Show on the board
          </HashLink>
        )}
      </h2>
      {readiness.items.length === 0 ? (
        <p className="view-empty">No roadmap items in this release yet.</p>
      ) : (
        <table className="data-table" aria-label="Release items">
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Status</th>
              <th scope="col">Requirements</th>
              <th scope="col">Stories</th>
              <th scope="col">Ready</th>
              {writable && (
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {readiness.items.map(({ item, requirements, storiesDone, storiesTotal, ready, why }) => (
              <tr key={item.key}>
                <td>
                  <HashLink hash={roadmapItemHash(item.key)} navigate={navigate}>
                    <span className="key">{item.key}</span> {item.title}
                  </HashLink>
                </td>
                <td>{item.status}</td>
                <td>
                  <RequirementsDone requirements={requirements} />
                </td>
                <td>
                  {storiesDone} of {storiesTotal} done
                </td>
                <td>
                  {ready ? (
                    <span className="status status-done">ready</span>
                  ) : (
                    <>
                      <span className="status">not yet</span>
                      {why && <span className="release-items__why">{why}</span>}
                    </>
                  )}
                </td>
                {writable && (
                  <td>
                    <button
                      type="button"
                      className="button button--quiet"
                      aria-label={`Remove ${item.key} from the release`}
                      onClick={() => onItems(keys.filter((key) => key !== item.key))}
                    >
                      Remove
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {writable && addable.length > 0 && (
        <label className="evidence-filter release-add">
          <span>Add an item</span>
          <select value="" onChange={(event) => event.target.value && onItems([...keys, event.target.value])}>
            <option value="">Choose a roadmap item…</option>
            {addable.map((item) => {
              // An item already in another release can ship in this one too, but says so.
              const elsewhere = releases
                .filter((other) => other.key !== readiness.release.key && other.items.includes(item.key))
                .map((other) => other.key);
              return (
                <option key={item.key} value={item.key}>
                  {item.key} — {item.title}
                  {elsewhere.length > 0 ? ` (already in ${elsewhere.join(', ')})` : ''}
                </option>
              );
            })}
          </select>
        </label>
      )}
    </section>
  );
}

/** "2 of 2 done", and the ones that do not count: "(1 could-have not counted)". */
function RequirementsDone({ requirements }: { requirements: RequirementReadiness[] }) {
  const counted = requirements.filter((requirement) => requirement.notCounted === undefined);
  const left = requirements.length - counted.length;
  return (
    <>
      {counted.filter((requirement) => requirement.done).length} of {counted.length} done
      {left > 0 && <span className="release-items__why">+ {left} not counted</span>}
    </>
  );
}
