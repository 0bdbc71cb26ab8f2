/**
 * Marking a release released: a target date still to come (or none) would tell customers it shipped
 * on a day that has not come, so the date becomes today, and the page says so.
 */
import type { Release } from '../model/roadmapModel.js';
import { longDate } from './releaseNotes.js';

export interface ReleasedOn {
  /** The status and, when it had to move, the date to save with it. */
  patch: { status: 'released'; date?: string };
  /** What the page tells the user when the date moved; undefined when the date was kept. */
  message?: string;
}

/** `today` is the user's local date as `YYYY-MM-DD` (see {@link localDate}). */
export function releasedOn(release: Pick<Release, 'date'>, today: string): ReleasedOn {
  const target = release.date;
  if (target !== undefined && target !== '' && target <= today) return { patch: { status: 'released' } };
  // The target's year only when it differs from today's: "the target was 20 December".
  const sameYear = target?.slice(0, 4) === today.slice(0, 4);
  const targetText = target ? (sameYear ? longDate(target).replace(/ [0-9]{4}$/, '') : longDate(target)) : '';
  const was = target ? `; the target was ${targetText}` : '';
  return {
    patch: { status: 'released', date: today },
    message: `Released on ${longDate(today)} (today)${was}.`,
  };
}

/** The local calendar date of `now` as `YYYY-MM-DD` (not UTC: late in the evening west of Greenwich is still today). */
export function localDate(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
