/**
 * A callout (or GitHub alert) as a coloured box: its icon, its title (rich text; empty, it shows the
 * type), its body. The icon's menu changes the type and whether it folds; the chevron folds it here.
 */
import { NodeViewContent, NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { useId, useState, type CSSProperties } from 'react';
import { calloutKind, defaultCalloutTitle } from '../../../shared/grammar/calloutGrammar.js';
import { CalloutIcon } from './calloutIcons.js';
import { FoldButton } from './FoldButton.js';
import { startsRightToLeft } from './TextDirection.js';
import './markdownViews.css';

const obsidianTypes = [
  'note',
  'abstract',
  'info',
  'todo',
  'tip',
  'success',
  'question',
  'warning',
  'failure',
  'danger',
  'bug',
  'example',
  'quote',
];
/** GitHub's five alerts, written in capitals. */
const alertTypes = ['NOTE', 'TIP', 'IMPORTANT', 'WARNING', 'CAUTION'];

const foldChoices: [string, string][] = [
  ['', 'Always open'],
  ['+', 'Foldable, open'],
  ['-', 'Foldable, folded'],
];

export function CalloutView({ node, updateAttributes, editor, getPos }: ReactNodeViewProps) {
  const type = String(node.attrs.type ?? 'note');
  const fold = String(node.attrs.fold ?? '');
  const kind = calloutKind(type);
  const [collapsed, setCollapsed] = useState(fold === '-');
  const [menuOpen, setMenuOpen] = useState(false);
  const menuId = useId();
  const alert = type === type.toUpperCase() && alertTypes.includes(type);
  const types = alert ? alertTypes : obsidianTypes.includes(type) ? obsidianTypes : [type, ...obsidianTypes];
  const editable = editor.isEditable;
  const style = { '--callout-default-title': JSON.stringify(defaultCalloutTitle(type)) } as CSSProperties;

  const unwrap = () => {
    const position = getPos();
    if (position === undefined) return;
    const [title, ...body] = node.content.content;
    const blocks = [
      ...(title && title.content.size > 0 ? [{ type: 'paragraph', content: title.content.toJSON() }] : []),
      ...body.map((child) => child.toJSON()),
    ];
    editor
      .chain()
      .insertContentAt(
        { from: position, to: position + node.nodeSize },
        blocks.length > 0 ? blocks : [{ type: 'paragraph' }],
      )
      .focus()
      .run();
  };

  return (
    <NodeViewWrapper
      className={`callout callout-${kind}${collapsed ? ' collapsed' : ''}`}
      data-callout-type={type}
      style={style}
      role="note"
      aria-label={`${defaultCalloutTitle(type)} callout`}
      // Its icon, border and fold button on the side its title starts from.
      dir={startsRightToLeft(node) ? 'rtl' : undefined}
    >
      <span className="callout-controls" contentEditable={false}>
        {editable ? (
          <button
            type="button"
            className="callout-type"
            aria-label={`Callout type: ${type}`}
            aria-expanded={menuOpen}
            aria-controls={menuId}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => setMenuOpen((open) => !open)}
          >
            <CalloutIcon kind={kind} />
          </button>
        ) : (
          <span className="callout-type">
            <CalloutIcon kind={kind} />
          </span>
        )}
        {fold !== '' && (
          <FoldButton
            className="callout-fold"
            what="callout"
            collapsed={collapsed}
            onToggle={() => setCollapsed((value) => !value)}
          />
        )}
        {menuOpen && editable && (
          <span className="callout-menu" id={menuId} role="group" aria-label="Callout settings">
            <label>
              Type
              <select value={type} onChange={(event) => updateAttributes({ type: event.target.value })}>
                {types.map((choice) => (
                  <option key={choice} value={choice}>
                    {defaultCalloutTitle(choice)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Folding
              <select
                value={fold}
                onChange={(event) => {
                  updateAttributes({ fold: event.target.value });
                  setCollapsed(event.target.value === '-');
                }}
              >
                {foldChoices.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" onClick={unwrap}>
              Remove callout
            </button>
            <button type="button" onClick={() => setMenuOpen(false)}>
              Done
            </button>
          </span>
        )}
      </span>
      <NodeViewContent className="callout-content" />
    </NodeViewWrapper>
  );
}
