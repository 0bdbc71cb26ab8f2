import { describe, expect, it } from 'vitest';
import { requirementFingerprint, specFingerprint, textFingerprint } from './fingerprint.js';

const text = 'Guests pay without an account.\n\n- Given a cart, when I pay, then I see a receipt.\n';

describe('fingerprints', () => {
  it.each<[string, string, boolean]>([
    ['the same text', text, true],
    ['CRLF line endings', text.replace(/\n/g, '\r\n'), true],
    ['trailing spaces and extra blank lines', `\n${text.replace('account.', 'account.   ')}\n\n`, true],
    ['one word changed', text.replace('receipt', 'invoice'), false],
    ['a list item added', `${text}- Given a guest, when I pay, then no account is made.\n`, false],
  ])('%s: same fingerprint %s', (_name, other, same) => {
    expect(requirementFingerprint(other) === requirementFingerprint(text)).toBe(same);
  });

  it('is 8 hex digits and changes with a spec requirement priority', () => {
    const spec = (priority: string) =>
      specFingerprint([{ key: 'REQ-1', priority, fingerprint: textFingerprint(text) }]);
    expect([/^[0-9a-f]{8}$/.test(textFingerprint('')), spec('must') === spec('should')]).toEqual([
      true,
      false,
    ]);
  });
});
