/** A front-matter list of keys in the document header: chips with a remove button, and a picker to add one. */
import { KeyPicker, type KeyOption } from './KeyPicker.js';

/** A list field as written: a YAML list, or keys separated by commas or spaces. */
export function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string' && value.trim() !== '') return value.split(/[\s,]+/).filter(Boolean);
  return [];
}

export function KeyListProperty(props: {
  label: string;
  keys: string[];
  options: () => KeyOption[];
  editable: boolean;
  onChange: (keys: string[]) => void;
  /** What each key names now, shown beside it; `undefined` marks a key not in this workspace. */
  describe?: (key: string) => string | undefined;
}) {
  const { label, keys, options, editable, onChange, describe } = props;
  return (
    <div className="property" role="group" aria-label={label}>
      <span>{label}</span>
      <span className="key-list">
        {keys.length === 0 && !editable && '—'}
        {keys.map((key) => {
          const title = describe?.(key);
          const missing = describe !== undefined && title === undefined;
          return (
            <span key={key} className={missing ? 'chip broken' : 'chip'}>
              {key}
              {title && <span className="chip-title">{title}</span>}
              {missing && <span className="chip-title">not in this workspace</span>}
              {editable && (
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={`Remove ${key} from ${label}`}
                  onClick={() => onChange(keys.filter((value) => value !== key))}
                >
                  ×
                </button>
              )}
            </span>
          );
        })}
        {editable && (
          <KeyPicker
            label={`Add to ${label}`}
            text="+ add"
            options={() => options().filter((option) => !keys.includes(option.key))}
            onPick={(key) => onChange([...keys, key])}
          />
        )}
      </span>
    </div>
  );
}
