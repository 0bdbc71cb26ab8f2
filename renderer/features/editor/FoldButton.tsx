/** The triangle that folds a callout or a `<details>` block; the editor keeps its selection when it is pressed. */
interface FoldButtonProps {
  className: string;
  /** What folds, for the label: "Expand callout", "Collapse Setup steps". */
  what: string;
  collapsed: boolean;
  onToggle: () => void;
}

export function FoldButton({ className, what, collapsed, onToggle }: FoldButtonProps) {
  return (
    <button
      type="button"
      className={className}
      contentEditable={false}
      aria-label={collapsed ? `Expand ${what}` : `Collapse ${what}`}
      aria-expanded={!collapsed}
      onMouseDown={(event) => event.preventDefault()}
      onClick={onToggle}
    >
      <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
        <path d="M4 2.5L7.5 6 4 9.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
      </svg>
    </button>
  );
}
