/**
 * What a set of workspace files holds, by key: requirement blocks, documents and roadmap items,
 * each with the text a history or a change report compares. Read leniently, for any revision.
 */
import { splitDocument } from '../../shared/frontMatter/frontMatter.js';
import { scanMarkdown } from '../../shared/grammar/markdownScanner.js';
import { formatRoadmapJson } from '../../shared/model/roadmapJson.js';
import { approvalsOf, type Approval } from '../../shared/model/signOff.js';
import { isMarkdownPath, isRoadmapPath } from '../../shared/merge/mergeFile.js';

export interface RequirementItem {
  kind: 'requirement';
  key: string;
  path: string;
  /** The block from its opening line to its closing `:::`. */
  text: string;
  body: string;
  priority?: string;
  status?: string;
  roadmap: string[];
  /** The key of the document it is in. */
  document?: string;
}

export interface DocumentItem {
  kind: 'document';
  key: string;
  path: string;
  text: string;
  type?: string;
  title?: string;
  status?: string;
  /** Its sign-off (`approvals:` in front matter), when it has any. */
  approvals?: Approval[];
}

export interface RoadmapEntry {
  kind: 'roadmap';
  key: string;
  path: string;
  text: string;
  fields: Record<string, unknown>;
}

export type WorkspaceItem = RequirementItem | DocumentItem | RoadmapEntry;

/** Every item a file holds (a requirement's key may repeat across files: the first wins in a map). */
export function itemsOfFile(path: string, text: string): WorkspaceItem[] {
  if (isRoadmapPath(path)) return roadmapItems(path, text);
  if (!isMarkdownPath(path)) return [];
  const split = splitDocument(text.replace(/\r\n/g, '\n'));
  const data = split.frontMatter?.data ?? {};
  const items: WorkspaceItem[] = [];
  const documentKey = typeof data.key === 'string' ? data.key : undefined;
  if (documentKey) {
    const document: DocumentItem = { kind: 'document', key: documentKey, path, text };
    if (typeof data.type === 'string') document.type = data.type;
    if (typeof data.title === 'string') document.title = data.title;
    if (typeof data.status === 'string') document.status = data.status;
    const approvals = approvalsOf(data);
    if (approvals.length > 0) document.approvals = approvals;
    items.push(document);
  }
  const lines = split.body.split('\n');
  for (const requirement of scanMarkdown(split.body, lines).requirements) {
    const item: RequirementItem = {
      kind: 'requirement',
      key: requirement.attributes.key,
      path,
      text: lines.slice(requirement.line - 1, requirement.endLine).join('\n') + '\n',
      body: requirement.body,
      roadmap: requirement.attributes.roadmap,
    };
    if (requirement.attributes.priority !== undefined) item.priority = requirement.attributes.priority;
    if (requirement.attributes.status !== undefined) item.status = requirement.attributes.status;
    if (documentKey) item.document = documentKey;
    items.push(item);
  }
  return items;
}

function roadmapItems(path: string, text: string): RoadmapEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return [];
  }
  const list = (data as { items?: unknown } | null)?.items;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown) => {
    if (item === null || typeof item !== 'object' || typeof (item as { key?: unknown }).key !== 'string')
      return [];
    const fields = item as Record<string, unknown>;
    const lines = formatRoadmapJson({ items: [fields] })
      .trimEnd()
      .split('\n')
      .slice(2, -2);
    return [
      {
        kind: 'roadmap' as const,
        key: fields.key as string,
        path,
        text: lines.map((line) => line.slice(4)).join('\n') + '\n',
        fields,
      },
    ];
  });
}

export function itemsByKey(files: Iterable<[string, string]>): Map<string, WorkspaceItem> {
  const items = new Map<string, WorkspaceItem>();
  for (const [path, text] of files) {
    for (const item of itemsOfFile(path, text)) if (!items.has(item.key)) items.set(item.key, item);
  }
  return items;
}
