import { describe, expect, it } from 'vitest';
import { listInWords } from './listInWords.js';

describe('listInWords', () => {
  it('says none, one, two and many the way a sentence does', () => {
    expect(
      [[], ['REQ-1'], ['REQ-1', 'REQ-2'], ['REQ-1', 'REQ-2', 'REQ-3'], [46, 54]].map(listInWords),
    ).toEqual(['', 'REQ-1', 'REQ-1 and REQ-2', 'REQ-1, REQ-2 and REQ-3', '46 and 54']);
  });
});
