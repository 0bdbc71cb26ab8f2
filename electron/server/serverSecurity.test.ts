import { describe, expect, it } from 'vitest';
import {
  allowedHosts,
  assetContentSecurityPolicy,
  contentSecurityPolicy,
  isAllowedHost,
  isAllowedOrigin,
  isCrossSite,
  readCookie,
  sameSecret,
} from './serverSecurity.js';

function directives(policy: string): Record<string, string> {
  return Object.fromEntries(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
}

describe('the content security policy of the app page', () => {
  const policy = directives(contentSecurityPolicy);
  const cases: [string, string | undefined][] = [
    ['default-src', "'none'"],
    ['script-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['frame-ancestors', "'none'"],
    ['connect-src', "'self'"],
    ['img-src', "'self' data: blob:"],
    ['frame-src', undefined],
  ];
  it.each(cases)('%s is %j', (name, expected) => {
    expect(policy[name]).toEqual(expected);
  });
  it('never allows eval or inline scripts', () => {
    expect(/unsafe-eval|unsafe-inline|\*/.test(policy['script-src'] ?? '')).toEqual(false);
  });
});

describe('the content security policy of workspace images', () => {
  it('sandboxes them and allows no script', () => {
    expect(directives(assetContentSecurityPolicy)).toEqual({
      'default-src': "'none'",
      'style-src': "'unsafe-inline'",
      sandbox: '',
    });
  });
});

describe('isAllowedHost', () => {
  const hosts = allowedHosts(4000);
  const cases: [string | undefined, boolean][] = [
    ['127.0.0.1:4000', true],
    ['LOCALHOST:4000', true],
    ['[::1]:4000', true],
    ['127.0.0.1', false],
    ['127.0.0.1:4000.evil.com', false],
    ['localhost.evil.com:4000', false],
    ['evil.com', false],
    ['127.0.0.2:4000', false],
    ['0x7f.0.0.1:4000', false],
    ['2130706433:4000', false],
    [' 127.0.0.1:4000', false],
    ['', false],
    [undefined, false],
  ];
  it.each(cases)('%j → %s', (host, expected) => {
    expect(isAllowedHost(host, hosts)).toEqual(expected);
  });
});

describe('isAllowedOrigin', () => {
  const cases: [string | undefined, boolean, boolean][] = [
    ['http://127.0.0.1:4000', true, true],
    ['HTTP://127.0.0.1:4000', true, true],
    ['https://127.0.0.1:4000', true, false],
    ['http://127.0.0.1:4000.evil.com', true, false],
    ['https://evil.com', true, false],
    ['https://evil.com', false, false],
    ['null', true, false],
    ['null', false, false],
    [undefined, true, false],
    [undefined, false, true],
  ];
  it.each(cases)('%j (required: %s) → %s', (origin, required, expected) => {
    expect(isAllowedOrigin(origin, '127.0.0.1:4000', required)).toEqual(expected);
  });
});

describe('isCrossSite', () => {
  const cases: [string | undefined, boolean][] = [
    ['same-origin', false],
    ['none', false],
    [undefined, false],
    ['same-site', true],
    ['cross-site', true],
  ];
  it.each(cases)('%j → %s', (value, expected) => {
    expect(isCrossSite(value)).toEqual(expected);
  });
});

describe('sameSecret and readCookie', () => {
  const cases: [string, boolean][] = [
    ['a=1; specbench-session-4000=secret', true],
    ['specbench-session-4000=secret; a=1', true],
    ['specbench-session-4000=secreT', false],
    ['specbench-session-4000=secret-longer', false],
    ['specbench-session-4001=secret', false],
    ['xspecbench-session-4000=secret', false],
    ['specbench-session-4000=', false],
    ['', false],
  ];
  it.each(cases)('%j → %s', (cookie, expected) => {
    expect(sameSecret(readCookie(cookie, 'specbench-session-4000'), 'secret')).toEqual(expected);
  });
});
