/** Region "Links": what the open document or the selected requirement delivers and links to, who implements and mentions it. */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { LinkView, SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import { isKey } from '../../../shared/grammar/linkGrammar.js';
import { linkGroups, type LinkGroup } from './linkGroups.js';
import './links.css';

interface LinksPanelProps {
  api: SpecbenchApi;
  workspace: WorkspaceState;
  navigate: (hash: string) => void;
  path: string;
  requirementKey?: string;
}

const noLinks = { outgoing: [], incoming: [] };

function sameJson<T>(before: T, after: T): boolean {
  return before === after || JSON.stringify(before) === JSON.stringify(after);
}

export function LinksPanel({ api, workspace, path, requirementKey }: LinksPanelProps) {
  const entry = workspace.byPath.get(path);
  const [links, setLinks] = useState<{ outgoing: LinkView[]; incoming: LinkView[] }>(noLinks);

  useEffect(() => {
    let cancelled = false;
    // A document's links by path include links to it by name (`[[Note]]`), keyed or not.
    void api
      .getLinks(requirementKey ? { key: requirementKey } : { path })
      .then((found) => !cancelled && setLinks((shown) => (sameJson(shown, found) ? shown : found)))
      .catch(() => !cancelled && setLinks(noLinks));
    return () => {
      cancelled = true;
    };
  }, [api, path, requirementKey, workspace.revision]);

  // Each save changes the workspace and asks for the links again: the same groups render nothing.
  const computed = useMemo(
    () => linkGroups(workspace, path, requirementKey, links.incoming, links.outgoing),
    [workspace, path, requirementKey, links],
  );
  const shownGroups = useRef(computed);
  if (!sameJson(shownGroups.current, computed)) shownGroups.current = computed;
  const groups = shownGroups.current;

  return (
    <aside className="links-panel" role="region" aria-label="Links">
      <header>
        <h2>Links</h2>
        <p className="links-subject">
          {requirementKey ? `Requirement ${requirementKey}` : (entry?.key ?? entry?.title ?? path)}
        </p>
      </header>
      <LinkGroupList groups={groups} />
    </aside>
  );
}

const LinkGroupList = memo(function LinkGroupList({ groups }: { groups: readonly LinkGroup[] }) {
  return (
    <>
      {groups.map((group) => (
        <section key={group.title} aria-label={group.title}>
          <h3>
            {group.title} <span className="count">{group.items.length}</span>
          </h3>
          {group.items.length === 0 ? (
            <p className="links-empty">{group.empty}</p>
          ) : (
            <ul>
              {group.items.map((item) => (
                <li key={`${item.key}-${item.hash}`}>
                  {item.hash ? (
                    <a href={item.hash}>
                      {isKey(item.key) && (
                        <>
                          <span className="key">{item.key}</span>{' '}
                        </>
                      )}
                      <span className="link-title">{item.title}</span>
                      {item.folder && <span className="link-folder">{item.folder}</span>}
                    </a>
                  ) : (
                    <span className={item.detail === 'file' ? 'link-file' : 'broken'}>
                      {item.key !== item.title && (
                        <>
                          <span className="key">{item.key}</span>{' '}
                        </>
                      )}
                      {item.title}
                    </span>
                  )}
                  {item.detail && <span className="link-detail">{item.detail}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </>
  );
});
