/** A long text field in a read-only window: its text as paragraphs, or a quiet line when it is empty, not an empty box. */
export function ReadOnlyText({ text, empty }: { text: string; empty: string }) {
  if (text.trim() === '') return <p className="read-only-text read-only-text--empty">{empty}</p>;
  return <p className="read-only-text">{text}</p>;
}
