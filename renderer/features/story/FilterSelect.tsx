/**
 * A filter's select whose long option list (2,000 roadmap items) is built only when the user reaches
 * for it (focus or pointer down, both before the list opens): until then it holds "Any" and the choice.
 */
import { useState } from 'react';

interface FilterSelectProps {
  label: string;
  value: string | undefined;
  options: readonly (readonly [value: string, text: string])[];
  onChange: (value: string | undefined) => void;
}

export function FilterSelect({ label, value, options, onChange }: FilterSelectProps) {
  const [reached, setReached] = useState(false);
  // A value from a shared link that names nothing here still shows, so the filter says what it does.
  const known = value === undefined || options.some(([option]) => option === value);
  const all = known ? options : [...options, [value, `${value} (not found)`] as const];
  const shown = reached ? all : all.filter(([option]) => option === value);
  const reach = (): void => setReached(true);
  return (
    <label className="filter">
      <span>{label}</span>
      <select
        value={value ?? ''}
        onFocus={reach}
        onPointerDown={reach}
        onChange={(event) => onChange(event.target.value || undefined)}
      >
        <option value="">Any</option>
        {shown.map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
