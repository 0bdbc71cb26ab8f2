/** A `[[KEY]]` reference as a chip: click to open its target, hover for a preview. */
import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { memo } from 'react';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import { useWorkspaceSelector } from '../../workbench/workspaceSelector.js';
import { documentLink } from '../../workbench/route.js';
import { isKey } from '../../../shared/grammar/linkGrammar.js';
import { shortTitle } from '../../../shared/model/keyTitle.js';
import { useEditorContext } from './editorContext.js';

interface Target {
  hash: string;
  title: string;
  detail: string;
}

export function resolveReference(workspace: WorkspaceState, key: string): Target | undefined {
  const document = workspace.byKey.get(key);
  if (document) {
    return {
      hash: documentLink(document, {}, workspace.byKey),
      title: document.title,
      detail: [document.type, document.status].filter(Boolean).join(' · '),
    };
  }
  const owner = workspace.requirementOwner.get(key);
  if (owner) {
    const requirement = owner.requirements.find((entry) => entry.key === key)!;
    return {
      hash: documentLink(owner, { requirement: key }),
      title: requirement.summary || key,
      detail: `requirement in ${owner.key ?? owner.path}${requirement.priority ? ` · ${requirement.priority}` : ''}`,
    };
  }
  const item = workspace.roadmapByKey.get(key);
  if (item)
    return {
      hash: `#/roadmap/${encodeURIComponent(key)}`,
      title: item.title,
      detail: `roadmap · ${item.lane}`,
    };
  return undefined;
}

export function ReferenceChip({ node }: ReactNodeViewProps) {
  const { navigate } = useEditorContext();
  const key = String(node.attrs.target ?? '');
  const anchor = node.attrs.anchor as string | null;
  const label = node.attrs.label as string | null;
  // Only what the chip shows: a save elsewhere in the workspace renders no chip whose target stayed the same.
  const { target, anchored } = useWorkspaceSelector((workspace) => ({
    target: resolveReference(workspace, key),
    // `[[SPEC-1#REQ-2]]` is named after the requirement it points into, not the spec around it.
    anchored: anchor && isKey(anchor) ? resolveReference(workspace, anchor) : undefined,
  }));
  const title = anchored?.title ?? target?.title;
  return (
    <ChipView
      referenceKey={key}
      text={label ?? (anchor ? `${key}#${anchor}` : key)}
      // A label is the writer's own name for the target; a bare key gets the target's title beside it.
      name={label === null && title ? shortTitle(title) : undefined}
      hash={target?.hash}
      title={title}
      detail={target?.detail}
      navigate={navigate}
    />
  );
}

interface ChipViewProps {
  referenceKey: string;
  text: string;
  name: string | undefined;
  hash: string | undefined;
  title: string | undefined;
  detail: string | undefined;
  navigate: (hash: string) => void;
}

// A workspace refresh reaches every chip in the document: only those whose target changed render again.
const ChipView = memo(function ChipView({
  referenceKey,
  text,
  name,
  hash,
  title,
  detail,
  navigate,
}: ChipViewProps) {
  return (
    <NodeViewWrapper
      as="span"
      className={hash ? 'reference-chip' : 'reference-chip broken'}
      data-reference-key={referenceKey}
    >
      <a
        href={hash ?? '#'}
        contentEditable={false}
        onClick={(event) => {
          event.preventDefault();
          if (hash) navigate(hash);
        }}
      >
        <span className={name ? 'reference-key' : undefined}>{text}</span>
        {name && <span className="reference-title"> {name}</span>}
      </a>
      <span className="reference-preview" role="tooltip" contentEditable={false}>
        {hash ? (
          <>
            <strong>{title}</strong>
            <span>{detail}</span>
          </>
        ) : (
          <span>{referenceKey} does not exist in this workspace</span>
        )}
      </span>
    </NodeViewWrapper>
  );
});
