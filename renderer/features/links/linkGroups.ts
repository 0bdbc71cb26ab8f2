/** The Links panel's groups for a document or one requirement, from the index and the engine's backlinks. */
import type { LinkView } from '../../../shared/contract/apiContract.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import { documentHash, documentLink } from '../../workbench/route.js';

export interface LinkItem {
  key: string;
  title: string;
  hash: string;
  detail?: string;
  /** The note's folder (`Obsidian Sync/`), shown where another item of its group has its title. */
  folder?: string;
}

export interface LinkGroup {
  title: string;
  items: LinkItem[];
  empty: string;
}

type Lookup = Pick<WorkspaceState, 'byKey' | 'byPath' | 'requirementOwner' | 'roadmapByKey' | 'documents'>;

function itemForKey(workspace: Lookup, key: string, line?: number, path?: string): LinkItem {
  const item = workspace.roadmapByKey.get(key);
  if (item)
    return { key, title: item.title, hash: `#/roadmap/${encodeURIComponent(key)}`, detail: item.lane };
  const document = workspace.byKey.get(key);
  if (document) {
    const hash = documentLink(document, { line }, workspace.byKey);
    return { key, title: document.title, hash, detail: document.status };
  }
  const owner = workspace.requirementOwner.get(key);
  if (owner) {
    const requirement = owner.requirements.find((entry) => entry.key === key);
    return {
      key,
      title: requirement?.summary || owner.title,
      hash: documentLink(owner, { requirement: key }),
      detail: requirement?.priority,
    };
  }
  if (path)
    return {
      key,
      title: workspace.byPath.get(path)?.title ?? path,
      hash: documentLink(workspace.byPath.get(path) ?? { path }, {}, workspace.byKey),
    };
  return { key, title: 'Not found in this workspace', hash: '' };
}

/** A link by a name other notes share as well: it may mean this one, or not. */
const ambiguousDetail = 'ambiguous name';

function ambiguous(item: LinkItem): LinkItem {
  return { ...item, detail: ambiguousDetail };
}

/** Each target once, where it first comes; a definite link to it outweighs an ambiguous one. */
function unique(items: LinkItem[]): LinkItem[] {
  const seen = new Map<string, LinkItem>();
  for (const item of items) {
    const first = seen.get(item.key);
    if (!first) seen.set(item.key, item);
    else if (first.detail === ambiguousDetail && item.detail !== ambiguousDetail) seen.set(item.key, item);
  }
  return [...seen.values()];
}

/** The group with each item's folder where two of its items share a title, as the quick switcher shows paths. */
function withFolders(workspace: Lookup, group: LinkGroup): LinkGroup {
  const counts = new Map<string, number>();
  for (const item of group.items) counts.set(item.title, (counts.get(item.title) ?? 0) + 1);
  if (![...counts.values()].some((count) => count > 1)) return group;
  const items = group.items.map((item) => {
    if ((counts.get(item.title) ?? 0) < 2) return item;
    const path = (workspace.byPath.get(item.key) ?? workspace.byKey.get(item.key))?.path ?? '';
    const folder = path.slice(0, path.lastIndexOf('/') + 1);
    return folder ? { ...item, folder } : item;
  });
  return { ...group, items };
}

/** Stories whose `implements` names any of `requirementKeys`. */
function storiesImplementing(workspace: Lookup, requirementKeys: ReadonlySet<string>): LinkItem[] {
  return workspace.documents
    .filter((entry) => entry.type === 'story' && entry.implements.some((key) => requirementKeys.has(key)))
    .map((entry) => ({
      key: entry.key ?? entry.path,
      title: entry.title,
      hash: documentLink(entry, {}, workspace.byKey),
      detail: entry.implements.filter((key) => requirementKeys.has(key)).join(', '),
    }));
}

/** Stories whose `depends` names any of `keys`: what waits for them. */
function neededBy(workspace: Lookup, keys: ReadonlySet<string>): LinkGroup[] {
  const items = workspace.documents
    .filter((entry) => entry.type === 'story' && (entry.depends ?? []).some((key) => keys.has(key)))
    .map((entry) => ({
      key: entry.key ?? entry.path,
      title: entry.title,
      hash: documentLink(entry, {}, workspace.byKey),
      detail: entry.status,
    }));
  return items.length > 0 ? [{ title: 'Needed by', items, empty: '' }] : [];
}

/** What a document's text links to, by key or by name, once each: documents, requirements, roadmap items, files. */
function linksTo(workspace: Lookup, outgoing: readonly LinkView[]): LinkGroup {
  const items = outgoing
    .filter((link) => link.kind === 'mentions')
    .map((link): LinkItem => {
      // A missing file is as missing as a missing note: not an ordinary "file".
      if (link.state === 'missing') return itemForKey(workspace, link.to);
      if (link.state === 'ambiguous') return ambiguous(itemForKey(workspace, link.to, undefined, link.to));
      if (workspace.byPath.has(link.to)) return itemForKey(workspace, link.to, undefined, link.to);
      if (/\.[A-Za-z0-9]+$/.test(link.to) && !link.to.toLowerCase().endsWith('.md'))
        return { key: link.to, title: link.to, hash: '', detail: 'file' };
      return itemForKey(workspace, link.to);
    });
  return withFolders(workspace, {
    title: 'Links to',
    items: unique(items),
    empty: 'This document links to nothing yet.',
  });
}

export function linkGroups(
  workspace: Lookup,
  path: string,
  requirementKey: string | undefined,
  incoming: readonly LinkView[],
  outgoing: readonly LinkView[] = [],
): LinkGroup[] {
  const entry = workspace.byPath.get(path);
  const mentionedBy = unique(
    incoming
      .filter((link) => link.kind === 'mentions')
      .map((link) => {
        const item = {
          ...itemForKey(workspace, link.from, link.line, link.path),
          hash: `${documentHash(link.path)}?line=${link.line}`,
        };
        return link.state === 'ambiguous' ? ambiguous(item) : item;
      }),
  );
  const mentions = withFolders(workspace, {
    title: 'Mentioned by',
    items: mentionedBy,
    empty: 'No document mentions this yet.',
  });
  if (requirementKey) {
    const requirement = workspace.requirementOwner
      .get(requirementKey)
      ?.requirements.find((item) => item.key === requirementKey);
    return [
      {
        title: 'Delivers',
        items: (requirement?.roadmap ?? []).map((key) => itemForKey(workspace, key)),
        empty: 'Not linked to a roadmap item.',
      },
      {
        title: 'Implemented by',
        items: storiesImplementing(workspace, new Set([requirementKey])),
        empty: 'No story implements this yet.',
      },
      ...neededBy(workspace, new Set([requirementKey])),
      mentions,
    ];
  }
  const links = linksTo(workspace, outgoing);
  // A plain document delivers and is implemented by nothing: what it links to and who mentions it.
  const ownKeys = new Set([
    ...(entry?.key ? [entry.key] : []),
    ...(entry?.requirements ?? []).map((item) => item.key),
  ]);
  if (!entry || entry.type === 'doc') return [...neededBy(workspace, ownKeys), links, mentions];
  if (entry.type === 'story') {
    const roadmap = entry.implements.flatMap(
      (key) =>
        workspace.requirementOwner.get(key)?.requirements.find((item) => item.key === key)?.roadmap ?? [],
    );
    return [
      {
        title: 'Implements',
        items: entry.implements.map((key) => itemForKey(workspace, key)),
        empty: 'Implements no requirement.',
      },
      {
        title: 'Delivers',
        items: unique(roadmap.map((key) => itemForKey(workspace, key))),
        empty: 'Delivers no roadmap item.',
      },
      {
        title: 'Depends on',
        items: unique((entry.depends ?? []).map((key) => itemForKey(workspace, key))),
        empty: 'Depends on nothing.',
      },
      ...neededBy(workspace, ownKeys),
      links,
      mentions,
    ];
  }
  const requirementKeys = new Set(entry.requirements.map((item) => item.key));
  // Only requirements deliver or are implemented: an FAQ or a note without any gets neither group.
  const traced = entry.type === 'spec' || entry.requirements.length > 0;
  const groups: LinkGroup[] = [
    {
      title: 'Delivers',
      items: unique(
        entry.requirements.flatMap((item) => item.roadmap.map((key) => itemForKey(workspace, key))),
      ),
      empty: 'No requirement here delivers a roadmap item.',
    },
    {
      title: 'Implemented by',
      items: storiesImplementing(workspace, requirementKeys),
      empty: 'No story implements these requirements.',
    },
  ].filter(() => traced);
  const answeredBy = incoming
    .filter((link) => link.kind === 'answers')
    .map((link) => itemForKey(workspace, link.from, undefined, link.path));
  if (answeredBy.length > 0) groups.push({ title: 'Answered by', items: unique(answeredBy), empty: '' });
  if (entry.type === 'faq' && entry.answers.length > 0) {
    groups.push({
      title: 'Answers',
      items: entry.answers.map((key) => itemForKey(workspace, key)),
      empty: '',
    });
  }
  groups.push(...neededBy(workspace, ownKeys), links, mentions);
  return groups;
}
