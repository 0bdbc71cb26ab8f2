/**
 * One side of a conflicting block as the editor shows it, the same way for both sides: each
 * requirement block as its key and fields in words and its body (two cards of one key side by side
 * would be two landmarks of one name), the text around it as Markdown. A `[[KEY]]` to a requirement
 * this side defines is labelled with this side's title, not the other copy's.
 */
import { ReadOnlyMarkdown } from '../editor/index.js';

type Segment =
  { kind: 'text'; text: string } | { kind: 'requirement'; key: string; fields: string; body: string };

const requirementBlock =
  /^:::requirement\{#([A-Z][A-Z0-9]*-[0-9]+)([^}\n]*)\}\r?\n([\s\S]*?)\r?\n:::[ \t]*$/gm;

export function sideSegments(text: string): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const match of text.matchAll(requirementBlock)) {
    const before = text.slice(at, match.index);
    if (before.trim() !== '') segments.push({ kind: 'text', text: before });
    const fields = match[2]!
      .split(/\s+/)
      .filter((field) => field.includes('='))
      .map((field) => field.replace('=', ' '))
      .join(' · ');
    segments.push({ kind: 'requirement', key: match[1]!, fields, body: match[3]! });
    at = match.index + match[0].length;
  }
  const after = text.slice(at);
  if (after.trim() !== '') segments.push({ kind: 'text', text: after });
  return segments;
}

/** `[[KEY]]` to a key this side defines, labelled with this side's title for it. */
export function withOwnTitles(markdown: string, titles: ReadonlyMap<string, string>): string {
  return markdown.replace(/\[\[([A-Z][A-Z0-9]*-[0-9]+)\]\]/g, (link, key: string) => {
    const title = titles.get(key)?.replace(/[[\]|\\]/g, '');
    return title ? `[[${key}|${key} ${title}]]` : link;
  });
}

/** What a segment is compared with on the other side: the requirement of its key, else the text around. */
function counterpart(segment: Segment, index: number, others: readonly Segment[]): string | undefined {
  if (segment.kind === 'text')
    return others.flatMap((other) => (other.kind === 'text' ? [other.text] : [])).join('\n\n');
  const requirements = others.filter((other) => other.kind === 'requirement');
  const same = requirements.find((other) => other.key === segment.key);
  const fallback = requirements[index];
  return (same ?? fallback)?.body;
}

/** Text one side has and the other lacks: marked, and said in words for screen readers. */
export function OnlyHere({ text }: { text: string }) {
  return (
    <mark>
      <span className="visually-hidden">[only on this side: </span>
      {text}
      <span className="visually-hidden">]</span>
    </mark>
  );
}

/** A requirement's fields, those the other side lacks marked (in words too, not by colour alone). */
function Fields({ segment, others }: { segment: Segment & { kind: 'requirement' }; others: Segment[] }) {
  const other = others.find((candidate) => candidate.kind === 'requirement' && candidate.key === segment.key);
  const theirs = other?.kind === 'requirement' ? other.fields.split(' · ') : undefined;
  const fields = segment.fields === '' ? [] : segment.fields.split(' · ');
  return (
    <p className="resolver__fields">
      {segment.key}
      {fields.map((field) => (
        <span key={field}>
          {' · '}
          {theirs && !theirs.includes(field) ? <OnlyHere text={field} /> : field}
        </span>
      ))}
    </p>
  );
}

export function SideMarkdown({
  text,
  title,
  path,
  navigate,
  other,
}: {
  text: string;
  title: string;
  path: string;
  navigate: (hash: string) => void;
  /** The other side's text: the words and fields this side has and it lacks are marked. */
  other?: string;
}) {
  const segments = sideSegments(text);
  const others = other === undefined || other.trim() === '' ? undefined : sideSegments(other);
  const titles = new Map(
    segments.flatMap((segment) =>
      segment.kind === 'requirement' ? [[segment.key, segment.body.split(/\r?\n/)[0]!.trim()] as const] : [],
    ),
  );
  const requirementIndex = (index: number) =>
    segments.slice(0, index).filter((segment) => segment.kind === 'requirement').length;
  const compared = (segment: Segment, index: number) => {
    const body = others && counterpart(segment, requirementIndex(index), others);
    return body === undefined ? {} : { compareWith: withOwnTitles(body, titles) };
  };
  return (
    <>
      {segments.map((segment, index) =>
        segment.kind === 'requirement' ? (
          <div key={index} className="resolver__requirement">
            <Fields segment={segment} others={others ?? []} />
            <ReadOnlyMarkdown
              markdown={withOwnTitles(segment.body, titles)}
              {...compared(segment, index)}
              path={path}
              label={`${title}: ${segment.key}`}
              navigate={navigate}
            />
          </div>
        ) : (
          <ReadOnlyMarkdown
            key={index}
            markdown={withOwnTitles(segment.text, titles)}
            {...compared(segment, index)}
            path={path}
            label={title}
            navigate={navigate}
          />
        ),
      )}
    </>
  );
}
