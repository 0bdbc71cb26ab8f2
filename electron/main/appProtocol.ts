/** `specbench-app://app/…`: the renderer's files and the workspace's images, each contained in its folder. */
import path from 'node:path';
import { contentSecurityPolicy, assetContentSecurityPolicy } from '../server/serverSecurity.js';
import {
  contentTypeFor,
  decodeRequestPath,
  imageExtensions,
  resolveStaticPath,
} from '../server/staticPath.js';

export const appScheme = 'specbench-app';
export const appHost = 'app';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/** Standard and secure give the app its own origin, fetch and a CSP that applies; never bypassCSP, CORS or service workers. */
export const appSchemePrivileges = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  stream: true,
} as const;

export type AppRequest =
  | { ok: true; absolute: string; contentType: string; contentSecurityPolicy: string }
  | { ok: false; status: 400 | 404; message: string };

/** Whether a URL belongs to the app itself (used for IPC senders and navigation). */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return (
      url.protocol === `${appScheme}:` &&
      url.host.toLowerCase() === appHost &&
      url.username === '' &&
      url.port === ''
    );
  } catch {
    return false;
  }
}

/** The app's own page (any hash route): the only document that may navigate in, or call the API. */
export function isAppPage(raw: string): boolean {
  if (!isAppUrl(raw)) return false;
  const { pathname } = new URL(raw);
  return pathname === '/' || pathname === '/index.html';
}

export async function resolveAppRequest(
  rendererRoot: string,
  workspaceRoot: string | undefined,
  raw: string,
): Promise<AppRequest> {
  if (!isAppUrl(raw)) return { ok: false, status: 400, message: 'Not an app URL.' };
  const segments = decodeRequestPath(new URL(raw).pathname || '/');
  if (!segments) return { ok: false, status: 400, message: 'That path is not allowed.' };
  if (segments[0] === 'workspace-assets') {
    const rest = segments.slice(1);
    const last = rest[rest.length - 1] ?? '';
    if (!workspaceRoot || !imageExtensions.has(path.extname(last).toLowerCase())) {
      return { ok: false, status: 404, message: 'Only images inside the workspace are served.' };
    }
    return found(await resolveStaticPath(workspaceRoot, rest), assetContentSecurityPolicy);
  }
  const file = segments.every((segment) => segment === '') ? ['index.html'] : segments;
  return found(await resolveStaticPath(rendererRoot, file), contentSecurityPolicy);
}

function found(resolved: Awaited<ReturnType<typeof resolveStaticPath>>, policy: string): AppRequest {
  if (!resolved.ok) return { ok: false, status: 404, message: resolved.message };
  const contentType = contentTypeFor(resolved.absolute);
  if (!contentType) return { ok: false, status: 404, message: 'That kind of file is not served.' };
  return { ok: true, absolute: resolved.absolute, contentType, contentSecurityPolicy: policy };
}
