import { describe, it, expect } from 'vitest';
import { statusLabel } from './statusLabel.js';

describe('statusLabel', () => {
  it.each([
    ['in-progress', 'In progress'],
    ['must', 'Must'],
    ['', ''],
  ])('%j', (value, expected) => {
    expect(statusLabel(value)).toBe(expected);
  });
});
