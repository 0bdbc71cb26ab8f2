/**
 * The bundle's optional "Unresolved comments" appendix (`--include comments`): each document's open
 * review threads, where they are anchored and what was said, for reviewers reading the PDF. Comment
 * text is untrusted: it is escaped, never rendered as Markdown or HTML.
 */
import type { ReviewThread } from '../../shared/review/reviewFile.js';
import { escapeHtml } from './htmlSanitizer.js';

export interface BundleComments {
  document: string;
  title: string;
  threads: ReviewThread[];
}

export const commentsTitle = 'Unresolved comments';

export function commentsHtml(comments: readonly BundleComments[], number: string): string {
  const sections = comments.map(
    ({ document, title, threads }) => `<h2>${escapeHtml(document)} ${escapeHtml(title)}</h2>
${threads.map(threadHtml).join('\n')}`,
  );
  const empty = comments.length === 0 ? '<p>No unresolved comments on the documents in this bundle.</p>' : '';
  return `<section class="appendix comments" id="appendix-comments" data-page="appendix-${number}">
<h1><span class="number">${number}</span> ${commentsTitle}</h1>
<p>Review threads still open on the documents in this bundle, from <code>reviews/</code>, oldest first.</p>
${empty}${sections.join('\n')}
</section>`;
}

function threadHtml(thread: ReviewThread): string {
  const quote =
    thread.anchor.kind === 'text' ? `<blockquote>${escapeHtml(thread.anchor.quote)}</blockquote>` : '';
  const entries = thread.entries
    .filter((entry) => entry.action === 'comment')
    .map(
      (entry) =>
        `<li><p class="comment-meta"><strong>${escapeHtml(entry.name)}</strong> · ${escapeHtml(day(entry.at))}</p><p class="comment-body">${escapeHtml(entry.body).replace(/\n/g, '<br>')}</p></li>`,
    );
  return `<div class="thread"><h3>On ${escapeHtml(thread.label || anchorName(thread))}</h3>${quote}<ol>${entries.join('')}</ol></div>`;
}

export function commentsMarkdown(comments: readonly BundleComments[]): string {
  const lines = [`# ${commentsTitle}`, ''];
  if (comments.length === 0) lines.push('No unresolved comments on the documents in this bundle.');
  for (const { document, title, threads } of comments) {
    lines.push(`## ${document} ${escapeText(title)}`, '');
    for (const thread of threads) {
      lines.push(`### On ${escapeText(thread.label || anchorName(thread))}`, '');
      if (thread.anchor.kind === 'text') lines.push(`> ${escapeText(thread.anchor.quote)}`, '');
      for (const entry of thread.entries.filter((each) => each.action === 'comment')) {
        lines.push(`**${escapeText(entry.name)}** · ${day(entry.at)}`, '');
        lines.push(...entry.body.split('\n').map((line) => escapeText(line)), '');
      }
    }
  }
  return lines.join('\n').trimEnd();
}

function anchorName(thread: ReviewThread): string {
  return thread.anchor.kind === 'key' ? thread.anchor.key : `#${thread.anchor.slug ?? ''}`;
}

/** `2026-12-06 11:20 UTC`: the same for every reader, wherever the bundle was printed. */
function day(at: string): string {
  const match = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)/.exec(at);
  return match ? `${match[1]} ${match[2]} UTC` : at;
}

/** Plain text must not turn into Markdown or HTML (a line starting with # or > stays text). */
function escapeText(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, '\\$&');
}
