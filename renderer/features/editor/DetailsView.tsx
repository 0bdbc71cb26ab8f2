/**
 * A `<details>` block as GitHub shows it: a disclosure triangle and the summary, the body folded
 * away until opened. Folding here is for reading only: the file's `open` stays as written.
 */
import { NodeViewContent, NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { useState } from 'react';
import { FoldButton } from './FoldButton.js';
import './detailsView.css';

export function DetailsView({ node }: ReactNodeViewProps) {
  const [collapsed, setCollapsed] = useState(node.attrs.open !== true);
  const summary = node.firstChild?.textContent.trim() || 'Details';
  return (
    <NodeViewWrapper
      className={`details-block${collapsed ? ' collapsed' : ''}`}
      role="group"
      aria-label={`Details: ${summary}`}
    >
      <FoldButton
        className="details-fold"
        what={summary}
        collapsed={collapsed}
        onToggle={() => setCollapsed((value) => !value)}
      />
      <NodeViewContent className="details-content" />
    </NodeViewWrapper>
  );
}
