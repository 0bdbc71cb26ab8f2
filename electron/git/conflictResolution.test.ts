import { describe, expect, it } from 'vitest';
import { distinguishingTitles } from './conflictResolution.js';

const block = (...lines: string[]) => [':::requirement{#REQ-14 priority=must}', ...lines, ':::'].join('\n');

describe('distinguishingTitles (how Keep both quotes the two copies)', () => {
  it('quotes the first lines when they differ', () => {
    expect(
      distinguishingTitles(
        block('Codes are rate limited per hour.'),
        block('Codes are rate limited per day.'),
      ),
    ).toEqual(['Codes are rate limited per hour.', 'Codes are rate limited per day.']);
  });

  it('quotes the first criterion that differs when the statements are the same, without its list marker', () => {
    expect(
      distinguishingTitles(
        block('Code attempts are rate limited.', '', '- Given five failures, lock for one hour'),
        block('Code attempts are rate limited.', '', '- Given five failures, lock for thirty minutes'),
      ),
    ).toEqual(['Given five failures, lock for one hour', 'Given five failures, lock for thirty minutes']);
  });

  it('quotes the statements when a line is only in one copy or nothing else differs', () => {
    expect([
      distinguishingTitles(block('Same.', '- [ ] Also this'), block('Same.')),
      distinguishingTitles(block('Same.'), block('Same.')),
    ]).toEqual([
      ['Same.', 'Same.'],
      ['Same.', 'Same.'],
    ]);
  });
});
