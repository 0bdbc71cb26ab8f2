/** Formatting and insert buttons; state is read per transaction through useEditorState (cheap selectors). */
import { shortcutLabel } from '../../workbench/keyboardShortcuts.js';
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import type { ReactNode } from 'react';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import { insertRequirement } from './editorCommands.js';
import { useEditorPageActions } from './useEditorPageActions.js';
import { takenRequirementKeys } from '../../workbench/takenKeys.js';
import { typesCode } from '../../../shared/markdown/extensions/codeInLink.js';

// Two chain links, drawn rather than an emoji, so it looks the same whatever fonts the machine has.
const linkIcon = (
  <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    <path
      d="M6.6 9.4a2.5 2.5 0 0 0 3.5 0l2.4-2.4a2.5 2.5 0 0 0-3.5-3.5l-.9.9M9.4 6.6a2.5 2.5 0 0 0-3.5 0L3.5 9a2.5 2.5 0 0 0 3.5 3.5l.9-.9"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
    />
  </svg>
);

export function EditorToolbar({
  editor,
  workspace,
  requirements,
  onLink,
}: {
  editor: Editor;
  workspace: WorkspaceState;
  /** Whether requirements belong here (a spec): stories and FAQs get no Insert requirement. */
  requirements: boolean;
  /** Opens "Add link" for the selection. */
  onLink: () => void;
}) {
  useEditorPageActions(editor, workspace, requirements);
  const active = useEditorState({
    editor,
    selector: ({ editor: instance }) => ({
      bold: instance.isActive('bold'),
      italic: instance.isActive('italic'),
      // Lit when what is typed next is code: not after a code span's closing backtick.
      code: typesCode(instance.state) ?? instance.isActive('code'),
      link: instance.isActive('link'),
      h2: instance.isActive('heading', { level: 2 }),
      h3: instance.isActive('heading', { level: 3 }),
      bullets: instance.isActive('bulletList'),
      numbers: instance.isActive('orderedList'),
      tasks: instance.isActive('taskList'),
      quote: instance.isActive('blockquote'),
    }),
  });
  const chain = () => editor.chain().focus();
  const button = (
    label: string,
    pressed: boolean | undefined,
    run: () => void,
    text: ReactNode,
    shortcut?: string,
  ) => (
    <button
      type="button"
      aria-label={label}
      aria-pressed={pressed}
      title={shortcut ? `${label} (${shortcut})` : label}
      onMouseDown={(event) => event.preventDefault()}
      onClick={run}
    >
      {text}
    </button>
  );
  const prefix = workspace.info?.settings.prefixes.requirement ?? 'REQ';
  return (
    <div className="editor-toolbar" role="toolbar" aria-label="Formatting">
      {button('Undo', undefined, () => chain().undo().run(), '↶', shortcutLabel('undo'))}
      {button('Redo', undefined, () => chain().redo().run(), '↷', shortcutLabel('redo'))}
      <span className="toolbar-separator" />
      {button('Bold', active.bold, () => chain().toggleBold().run(), 'B', shortcutLabel('bold'))}
      {button('Italic', active.italic, () => chain().toggleItalic().run(), 'I', shortcutLabel('italic'))}
      {button('Inline code', active.code, () => chain().toggleCode().run(), '</>', shortcutLabel('code'))}
      {button('Link', active.link, onLink, linkIcon, shortcutLabel('link'))}
      <span className="toolbar-separator" />
      {button('H2 heading', active.h2, () => chain().toggleHeading({ level: 2 }).run(), 'H2')}
      {button('H3 subheading', active.h3, () => chain().toggleHeading({ level: 3 }).run(), 'H3')}
      {button('Bulleted list', active.bullets, () => chain().toggleBulletList().run(), '•')}
      {button('1. Numbered list', active.numbers, () => chain().toggleOrderedList().run(), '1.')}
      {button('Task list', active.tasks, () => chain().toggleTaskList().run(), '☑')}
      {button('Quote', active.quote, () => chain().toggleBlockquote().run(), '❝')}
      {button(
        'Table',
        undefined,
        () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
        '▦',
      )}
      {requirements && (
        <>
          <span className="toolbar-separator" />
          <button
            type="button"
            className="primary"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => insertRequirement(editor, prefix, takenRequirementKeys(workspace))}
          >
            Insert requirement
          </button>
        </>
      )}
    </div>
  );
}
