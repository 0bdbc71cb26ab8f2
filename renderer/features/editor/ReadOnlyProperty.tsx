/** A document header field shown as text (read-only mode, or a field the header does not edit), named by its label for assistive technology. */
import { useId } from 'react';

export function ReadOnlyProperty({ label, children }: { label: string; children: React.ReactNode }) {
  const id = useId();
  return (
    <div className="property readonly" role="group" aria-labelledby={id}>
      <span id={id}>{label}</span>
      <span className="property-value">{children}</span>
    </div>
  );
}
