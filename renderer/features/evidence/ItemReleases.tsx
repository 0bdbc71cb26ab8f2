/** The releases a roadmap item ships in, as a row of the item page's properties: each a link to its release page. */
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import { HashLink } from '../../ui/HashLink.js';
import { releaseHash } from '../../workbench/route.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import { useReleases } from '../../workbench/useReleases.js';

export function ItemReleases({
  api,
  workspace,
  navigate,
  itemKey,
}: {
  api: SpecbenchApi;
  workspace: WorkspaceState;
  navigate: (hash: string) => void;
  itemKey: string;
}) {
  const { releases } = useReleases(api, workspace.revision);
  const shipping = (releases ?? []).filter((release) => release.items.includes(itemKey));
  return (
    <>
      <span className="item-releases__label">Release</span>
      <span className="item-releases">
        {shipping.length === 0 ? (
          <HashLink hash="#/releases" navigate={navigate} className="item-releases__none">
            Not in a release
          </HashLink>
        ) : (
          shipping.map((release) => (
            <HashLink key={release.key} hash={releaseHash(release.key)} navigate={navigate}>
              <span className="key">{release.key}</span> {release.name}
            </HashLink>
          ))
        )}
      </span>
    </>
  );
}
