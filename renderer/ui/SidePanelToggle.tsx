/** The top bar's "Links & comments" toggle: opens the side panel as a drawer where the window is narrow. */
interface SidePanelToggleProps {
  open: boolean;
  onToggle: () => void;
  /** Unresolved comment threads on the document, shown as a badge. */
  count?: number;
  /** The shortcut as shown, e.g. "Ctrl+Shift+L". */
  keys: string;
}

export function SidePanelToggle({ open, onToggle, count = 0, keys }: SidePanelToggleProps) {
  return (
    <button
      type="button"
      className="side-panel-toggle copy-link subtle-link"
      aria-expanded={open}
      aria-controls="side-panels"
      aria-keyshortcuts={keys.replace('Ctrl', 'Control')}
      title={`Show or hide Links and Comments (${keys})`}
      onClick={onToggle}
    >
      Links &amp; comments
      {count > 0 && (
        <span className="count" aria-label={`, ${count} open`}>
          {count}
        </span>
      )}
    </button>
  );
}
