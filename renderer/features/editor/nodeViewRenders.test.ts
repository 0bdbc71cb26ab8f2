// @vitest-environment jsdom
import { EditorContent, useEditor } from '@tiptap/react';
import { act, createElement as h, memo, Profiler, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../../shared/contract/documentSummary.js';
import {
  emptyWorkspaceState,
  WorkspaceContext,
  type WorkspaceState,
} from '../../workbench/workspaceState.js';
import { usePublishedWorkspace, WorkspaceStoreContext } from '../../workbench/workspaceSelector.js';
import { createEditorExtensions } from './editorExtensions.js';
import { sharedCodec } from '../../workbench/sharedCodec.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const path = 'specs/checkout.md';
const markdown = [
  '# Checkout',
  '',
  'See [[SPEC-2]] first.',
  '',
  ':::requirement{#REQ-1 priority=must roadmap=RM-1}',
  'Guests pay without an account.',
  ':::',
  '',
].join('\n');

function workspaceWith(title: string, revision: number): WorkspaceState {
  const spec = { path, key: 'SPEC-1', title: 'Checkout', type: 'spec', requirements: [] };
  const other = { path: 'specs/other.md', key: 'SPEC-2', title, type: 'spec', requirements: [] };
  const documents = [spec, other] as unknown as DocumentSummary[];
  return {
    ...emptyWorkspaceState,
    documents,
    byPath: new Map(documents.map((entry) => [entry.path, entry])),
    byKey: new Map(documents.map((entry) => [entry.key!, entry])),
    revision,
  };
}

// Memoized as the editor page is: only what reads the workspace renders when it changes.
const Editor = memo(function Editor({ onRender }: { onRender: () => void }): ReactNode {
  const editor = useEditor({
    extensions: createEditorExtensions(path),
    content: sharedCodec().parse(markdown).doc,
    immediatelyRender: true,
  });
  return h(Profiler, { id: 'document', onRender }, h(EditorContent, { editor }));
});

function Host({ workspace, onRender }: { workspace: WorkspaceState; onRender: () => void }): ReactNode {
  const store = usePublishedWorkspace(workspace);
  return h(
    WorkspaceContext.Provider,
    { value: workspace },
    h(WorkspaceStoreContext.Provider, { value: store }, h(Editor, { onRender })),
  );
}

let root: Root | undefined;
afterEach(() => act(() => root?.unmount()));

describe('node views and workspace changes', () => {
  it('a workspace change that alters nothing a card or chip shows renders none of them; one that does renders them', async () => {
    const element = document.createElement('div');
    document.body.append(element);
    root = createRoot(element);
    let renders = 0;
    const onRender = (): void => void renders++;
    await act(async () => root!.render(h(Host, { workspace: workspaceWith('Payments', 1), onRender })));
    const card = element.querySelector('[data-requirement="REQ-1"]');
    const chip = element.querySelector('[data-reference-key="SPEC-2"]');
    expect(card, 'the requirement card is shown').not.toBeNull();
    expect(chip?.textContent).toContain('Payments');

    // What a save does: a new workspace state (a newer summary of this document), every shown title the same.
    renders = 0;
    await act(async () => root!.render(h(Host, { workspace: workspaceWith('Payments', 2), onRender })));
    expect(renders).toBe(0);

    await act(async () => root!.render(h(Host, { workspace: workspaceWith('Refunds', 3), onRender })));
    expect(renders).toBeGreaterThan(0);
    expect(element.querySelector('[data-reference-key="SPEC-2"]')?.textContent).toContain('Refunds');
  });
});
