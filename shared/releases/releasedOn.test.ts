import { describe, expect, it } from 'vitest';
import { localDate, releasedOn } from './releasedOn.js';

describe('releasedOn', () => {
  it('moves a target date still to come to today, and says what the target was', () => {
    expect(releasedOn({ date: '2026-12-20' }, '2026-12-06')).toEqual({
      patch: { status: 'released', date: '2026-12-06' },
      message: 'Released on 6 December 2026 (today); the target was 20 December.',
    });
  });
  it('names the year of a target in another year', () => {
    expect(releasedOn({ date: '2027-01-15' }, '2026-12-06').message).toBe(
      'Released on 6 December 2026 (today); the target was 15 January 2027.',
    );
  });
  it('sets today when there was no date', () => {
    expect(releasedOn({}, '2026-12-06')).toEqual({
      patch: { status: 'released', date: '2026-12-06' },
      message: 'Released on 6 December 2026 (today).',
    });
  });
  it('keeps a date that has come: today or in the past', () => {
    expect(releasedOn({ date: '2026-12-06' }, '2026-12-06')).toEqual({ patch: { status: 'released' } });
    expect(releasedOn({ date: '2026-10-15' }, '2026-12-06')).toEqual({ patch: { status: 'released' } });
  });
  it('reads the local calendar date, not the UTC one', () => {
    expect(localDate(new Date(2026, 11, 6, 23, 59))).toBe('2026-12-06');
    expect(localDate(new Date(2026, 0, 2, 0, 1))).toBe('2026-01-02');
  });
});
