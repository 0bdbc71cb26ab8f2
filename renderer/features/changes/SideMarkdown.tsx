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

export function SideMarkdown({
  text,
  title,
  path,
  navigate,
}: {
  text: string;
  title: string;
  path: string;
  navigate: (hash: string) => void;
}) {
  const segments = sideSegments(text);
  const titles = new Map(
    segments.flatMap((segment) =>
      segment.kind === 'requirement' ? [[segment.key, segment.body.split(/\r?\n/)[0]!.trim()] as const] : [],
    ),
  );
  return (
    <>
      {segments.map((segment, index) =>
        segment.kind === 'requirement' ? (
          <div key={index} className="resolver__requirement">
            <p className="resolver__fields">
              {segment.key}
              {segment.fields && ` · ${segment.fields}`}
            </p>
            <ReadOnlyMarkdown
              markdown={withOwnTitles(segment.body, titles)}
              path={path}
              label={`${title}: ${segment.key}`}
              navigate={navigate}
            />
          </div>
        ) : (
          <ReadOnlyMarkdown
            key={index}
            markdown={withOwnTitles(segment.text, titles)}
            path={path}
            label={title}
            navigate={navigate}
          />
        ),
      )}
    </>
  );
}
