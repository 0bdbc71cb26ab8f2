/** The browser-mode server's checks: Host allowlist, session token and cookie, Origin, response headers. */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Exact Host values accepted (DNS rebinding defence): loopback names plus an explicitly chosen host. */
export function allowedHosts(port: number, extraHost?: string): Set<string> {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  if (extraHost) hosts.add(`${extraHost.includes(':') ? `[${extraHost}]` : extraHost}:${port}`.toLowerCase());
  return hosts;
}

export function isAllowedHost(header: string | undefined, allowed: Set<string>): boolean {
  return header !== undefined && allowed.has(header.toLowerCase());
}

/** Origin must be exactly the server's own; absent is accepted only where `required` is false. */
export function isAllowedOrigin(origin: string | undefined, host: string, required: boolean): boolean {
  if (origin === undefined) return !required;
  return origin.toLowerCase() === `http://${host.toLowerCase()}`;
}

/** Fetch metadata: a request started by another site is refused even when it carries no Origin. */
export function isCrossSite(secFetchSite: string | undefined): boolean {
  return secFetchSite !== undefined && secFetchSite !== 'same-origin' && secFetchSite !== 'none';
}

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The session cookie's value, derived from the token: a tab keeps its session across restarts until the token is rotated. */
export function sessionFor(token: string): string {
  return createHmac('sha256', token).update('specbench-session').digest('base64url');
}

export function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Cookies are shared between ports of one host, so the name carries the port. */
export function sessionCookieName(port: number): string {
  return `specbench-session-${port}`;
}

export function sessionCookie(port: number, session: string): string {
  return `${sessionCookieName(port)}=${session}; HttpOnly; SameSite=Strict; Path=/`;
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return undefined;
}

/** No inline scripts; inline styles stay because the editor sets table widths through style attributes. */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Sent on every response; never any Access-Control-* header. */
export const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/** Workspace images are untrusted: an SVG opened directly must not run scripts in our origin. */
export const assetContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
