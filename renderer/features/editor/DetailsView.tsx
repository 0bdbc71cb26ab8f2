/**
 * A `<details>` block as GitHub shows it: a disclosure triangle and the summary, the body folded
 * away until opened. Folding here is for reading only: the file's `open` stays as written.
 */
import { NodeViewContent, NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { useState } from 'react';
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
      <button
        type="button"
        className="details-fold"
        contentEditable={false}
        aria-label={collapsed ? `Expand ${summary}` : `Collapse ${summary}`}
        aria-expanded={!collapsed}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => setCollapsed((value) => !value)}
      >
        <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
          <path d="M4 2.5L7.5 6 4 9.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
        </svg>
      </button>
      <NodeViewContent className="details-content" />
    </NodeViewWrapper>
  );
}
