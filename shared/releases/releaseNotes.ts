/**
 * Release notes as Markdown, from the release's items: for customers, each item's title and its
 * `releaseNote`, grouped by theme — never its description, which is the team's working text (an item
 * made from feedback starts with the customer's complaint and the note's key); for the team, each
 * item's description, whether it has customer wording yet, its requirements, the stories
 * implementing them and the open problems `check` reports about them.
 */
import type { FindingView } from '../contract/apiContract.js';
import { escapeMarkdownText } from '../markdown/markdownText.js';
import type { ItemReadiness, ReleaseReadiness } from './releaseReadiness.js';

export const releaseAudiences = ['customers', 'internal'] as const;
export type ReleaseAudience = (typeof releaseAudiences)[number];

const otherTheme = 'Other improvements';
const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function releaseNotesMarkdown(
  readiness: ReleaseReadiness,
  audience: ReleaseAudience,
  findings: readonly FindingView[] = [],
): string {
  const { release } = readiness;
  const internal = audience === 'internal';
  const lines = [`# ${escapeMarkdownText(release.name)}${internal ? ' — internal notes' : ''}`, ''];
  const when = release.date === undefined ? undefined : longDate(release.date);
  const dated =
    release.status === 'released'
      ? `Released${when ? ` on ${when}` : ''}.`
      : `Planned${when ? ` for ${when}` : ''}; not released yet.`;
  if (internal) {
    const ready = readiness.items.filter((item) => item.ready).length;
    const done = readiness.items.reduce((sum, item) => sum + item.storiesDone, 0);
    const total = readiness.items.reduce((sum, item) => sum + item.storiesTotal, 0);
    lines.push(
      `${release.key} · ${dated} ${ready} of ${readiness.items.length} items ready · ${done} of ${total} stories done.`,
      '',
    );
  } else {
    lines.push(dated, '');
  }
  if (release.summary !== undefined && release.summary.trim() !== '') lines.push(release.summary.trim(), '');
  const shown = internal ? readiness.items : readiness.items.filter((item) => item.item.status !== 'dropped');
  if (shown.length === 0)
    lines.push(internal ? 'This release ships no roadmap items yet.' : 'No changes to announce yet.', '');
  for (const [theme, items] of byTheme(shown)) {
    lines.push(`## ${escapeMarkdownText(theme)}`, '');
    if (internal) {
      for (const item of items) lines.push(...internalItem(item, findings));
    } else {
      for (const item of items) {
        const note = oneParagraph(item.item.releaseNote ?? '');
        lines.push(`- **${escapeMarkdownText(sentence(item.item.title))}**${note ? ` ${note}` : ''}`);
      }
      lines.push('');
    }
  }
  if (internal && readiness.missing.length > 0) {
    lines.push(
      '## Not on the roadmap',
      '',
      `${readiness.missing.join(', ')}: named by the release but not on the roadmap.`,
      '',
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** `2026-10-01` as `1 October 2026`, the same everywhere (no locale, no time zone). */
export function longDate(date: string): string {
  const match = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(date);
  const month = match ? months[Number(match[2]) - 1] : undefined;
  return match && month ? `${Number(match[3])} ${month} ${match[1]}` : date;
}

function internalItem(readiness: ItemReadiness, findings: readonly FindingView[]): string[] {
  const { item } = readiness;
  const state = [item.status.replace('-', ' '), readiness.ready ? 'ready' : 'not ready'].join(', ');
  const lines = [`### ${item.key} ${escapeMarkdownText(item.title)} (${state})`, ''];
  const description = item.description.trim();
  if (description !== '') lines.push(description, '');
  const releaseNote = (item.releaseNote ?? '').trim();
  lines.push(
    releaseNote === ''
      ? 'For customers: no release note yet (their notes show the title alone).'
      : `For customers: ${oneParagraph(releaseNote)}`,
    '',
  );
  if (readiness.why !== undefined && readiness.requirements.length > 0)
    lines.push(`Not ready: ${readiness.why}`, '');
  if (readiness.requirements.length === 0) {
    lines.push('No requirement delivers it yet.', '');
  } else {
    lines.push('Requirements:', '');
    for (const requirement of readiness.requirements) {
      const counted = requirement.notCounted && `not counted: ${requirement.notCounted}`;
      const attributes = [requirement.priority, requirement.status, counted]
        .filter((value) => value !== undefined && value !== '')
        .join(', ');
      const stories =
        requirement.stories.length === 0
          ? 'no story yet'
          : requirement.stories
              .map(
                (story) => `${story.key} ${escapeMarkdownText(story.title)} (${story.status ?? 'no status'})`,
              )
              .join('; ');
      lines.push(
        `- ${requirement.key}${attributes ? ` (${attributes})` : ''}: ${oneParagraph(requirement.summary)} — ${stories}`,
      );
    }
    lines.push('');
  }
  const keys = new Set([
    item.key,
    ...readiness.requirements.flatMap((requirement) => [
      requirement.key,
      ...requirement.stories.map((story) => story.key),
    ]),
  ]);
  const problems = findings.filter((finding) => finding.key !== undefined && keys.has(finding.key));
  if (problems.length > 0) {
    lines.push('Open problems:', '');
    for (const problem of problems) {
      lines.push(
        `- ${problem.severity} ${problem.rule}: ${escapeMarkdownText(problem.message)} (${problem.path}:${problem.line})`,
      );
    }
    lines.push('');
  }
  return lines;
}

/** Items by theme, themes in the order their first item appears in the release. */
function byTheme(items: readonly ItemReadiness[]): Map<string, ItemReadiness[]> {
  const themes = new Map<string, ItemReadiness[]>();
  for (const item of items) {
    const theme = item.item.theme?.trim() || otherTheme;
    const list = themes.get(theme);
    if (list) list.push(item);
    else themes.set(theme, [item]);
  }
  const other = themes.get(otherTheme);
  if (other) {
    themes.delete(otherTheme);
    themes.set(otherTheme, other);
  }
  return themes;
}

/** A title as the start of a note: it ends in a full stop unless it already ends a sentence. */
function sentence(title: string): string {
  const trimmed = title.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** A note inside a list item stays one paragraph. */
function oneParagraph(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
