import { describe, expect, it } from 'vitest';
import { openExternalSafely, safeExternalUrl } from './externalLinks.js';

describe('safeExternalUrl', () => {
  const cases: [string, string | undefined][] = [
    ['https://example.com/spec', 'https://example.com/spec'],
    ['http://example.com', 'http://example.com/'],
    ['mailto:dana@example.com', 'mailto:dana@example.com'],
    ['HTTPS://Example.COM/Path', 'https://example.com/Path'],
    ['  https://example.com/padded  ', 'https://example.com/padded'],
    ['\u0000https://example.com', 'https://example.com/'],
    ['file:///etc/passwd', undefined],
    ['FILE:///C:/Windows/system32/calc.exe', undefined],
    ['smb://attacker.example/share', undefined],
    ['javascript:alert(1)', undefined],
    ['JaVaScRiPt:alert(1)', undefined],
    ['  javascript:alert(1)', undefined],
    ['java\tscript:alert(1)', undefined],
    ['\njavascript:alert(1)', undefined],
    ['data:text/html,<script>alert(1)</script>', undefined],
    ['vbscript:msgbox(1)', undefined],
    ['ms-msdt:/id PCWDiagnostic', undefined],
    ['specbench-app://app/index.html', undefined],
    ['https://user:secret@example.com/', undefined],
    ['//example.com/relative', undefined],
    ['specs/guest-checkout.md', undefined],
    ['', undefined],
    ['HTTP://EXAMPLE.COM', 'http://example.com/'],
    ['\u0001\u001f https://example.com/controls', 'https://example.com/controls'],
    ['https://example.com/trailing\t\n', 'https://example.com/trailing'],
    ['mailto:dana@example.com?subject=Spec', 'mailto:dana@example.com?subject=Spec'],
    ['SMB://attacker.example/share', undefined],
    ['file://attacker.example/share/payload.exe', undefined],
    ['\\\\attacker.example\\share', undefined],
    ['&#106;avascript:alert(1)', undefined],
    ['&#x6A;avascript:alert(1)', undefined],
    ['javascript&colon;alert(1)', undefined],
    ['jav&#x09;ascript:alert(1)', undefined],
    ['java\u0000script:alert(1)', undefined],
    ['\u00a0javascript:alert(1)', undefined],
    ['DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', undefined],
    ['blob:https://example.com/4f1c', undefined],
    ['about:blank', undefined],
    ['chrome://settings', undefined],
    ['ms-settings:privacy', undefined],
    ['search-ms:query=x&crumb=location:\\\\attacker.example\\share', undefined],
    ['zoommtg://zoom.us/join', undefined],
    ['http://user@example.com/', undefined],
    ['https://example.com@evil.example/', undefined],
    ['http://:secret@example.com/', undefined],
    ['https:', undefined],
    ['http://exa mple.com/', undefined],
  ];
  it.each(cases)('%j → %j', (raw, expected) => {
    expect(safeExternalUrl(raw)).toEqual(expected);
  });
});

describe('openExternalSafely', () => {
  const cases: [string, string[]][] = [
    ['https://example.com/a', ['https://example.com/a']],
    [' JAVASCRIPT:alert(1)', []],
    ['file:///etc/passwd', []],
  ];
  it.each(cases)('%j opens %j', async (raw, expected) => {
    const opened: string[] = [];
    await openExternalSafely(raw, async (url) => {
      opened.push(url);
    });
    expect(opened).toEqual(expected);
  });
});
