/**
 * Browser mode: the built renderer, the API contract over HTTP and change events over Server-Sent
 * Events, behind a Host allowlist, a per-workspace token (kept across restarts) exchanged for a cookie, and Origin checks.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { apiContract, parseCall, type WorkspaceChangeEvent } from '../../shared/contract/apiContract.js';
import { clientHeaderName, clientOf } from '../../shared/contract/clientIdentity.js';
import type { ApiService } from '../services/apiService.js';
import {
  allowedHosts,
  assetContentSecurityPolicy,
  contentSecurityPolicy,
  isAllowedHost,
  isAllowedOrigin,
  isCrossSite,
  newSecret,
  sessionFor,
  readCookie,
  sameSecret,
  securityHeaders,
  sessionCookie,
  sessionCookieName,
} from './serverSecurity.js';
import { writtenPaths } from './writtenPaths.js';
import { contentTypeFor, decodeRequestPath, imageExtensions, resolveStaticPath } from './staticPath.js';

export const defaultMaxBodyBytes = 25 * 1024 * 1024;
const heartbeatMs = 25_000;

export interface BrowserServerOptions {
  service: ApiService;
  /** Folder of the built renderer (dist/renderer). */
  rendererRoot: string;
  /** Workspace folder, for `/workspace-assets/<path>` images. */
  workspaceRoot: string;
  /** Write methods are refused with 403 unless this is set. */
  write: boolean;
  /** Review comments may be written though `write` is off (`serve --comments`); nothing else. */
  comments?: boolean;
  port?: number;
  /** Interface to bind; loopback unless the user names another. */
  host?: string;
  maxBodyBytes?: number;
  /** The workspace's token (`serveToken`, kept across restarts); random for this launch when absent. */
  token?: string;
}

export interface BrowserServer {
  /** The URL to open, carrying the launch token. */
  url: string;
  origin: string;
  port: number;
  close(): Promise<void>;
}

type Reply = ServerResponse<IncomingMessage>;

export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const bindHost = options.host ?? '127.0.0.1';
  const token = options.token ?? newSecret();
  // Derived, not random: after a restart with the same token an open tab's cookie still works.
  const session = sessionFor(token);
  const maxBodyBytes = options.maxBodyBytes ?? defaultMaxBodyBytes;
  let hosts = new Set<string>();
  let port = 0;
  const streams = new Set<Reply>();
  /** Which page (tab) each event stream belongs to, so a write is told to the others and not its own. */
  const streamClients = new Map<Reply, string>();

  // A missing Host gets our own 421 rather than Node's bare 400.
  const server = http.createServer({ requireHostHeader: false }, (request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) sendJson(response, 500, failure('internal', 'The server failed to answer.'));
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: Reply): Promise<void> {
    for (const [name, value] of Object.entries(securityHeaders)) response.setHeader(name, value);
    const host = request.headers.host;
    if (!isAllowedHost(host, hosts)) {
      return sendJson(
        response,
        421,
        failure('bad-host', 'This server answers only to its own loopback address.'),
      );
    }
    const target = request.url ?? '';
    const queryStart = target.indexOf('?');
    const requestPath = queryStart === -1 ? target : target.slice(0, queryStart);
    const query = new URLSearchParams(queryStart === -1 ? '' : target.slice(queryStart + 1));
    const method = request.method ?? 'GET';

    if (method === 'GET' && requestPath === '/' && query.has('token')) {
      if (!sameSecret(query.get('token') ?? undefined, token)) return sendSignIn(response, 'expired');
      response.setHeader('Set-Cookie', sessionCookie(port, session));
      response.setHeader('Location', '/');
      response.setHeader('Cache-Control', 'no-store');
      response.writeHead(303).end();
      return;
    }
    if (!sameSecret(readCookie(request.headers.cookie, sessionCookieName(port)), session)) {
      if (requestPath.startsWith('/api/')) {
        return sendJson(response, 401, failure('unauthorized', 'Open the URL printed by `specbench serve`.'));
      }
      return sendSignIn(response, 'no-session');
    }
    const origin = request.headers.origin;
    if (requestPath === '/api/events') {
      if (method !== 'GET') return sendJson(response, 405, failure('method-not-allowed', 'Use GET.'));
      if (!isAllowedOrigin(origin, host!, false) || isCrossSite(header(request, 'sec-fetch-site'))) {
        return sendJson(
          response,
          403,
          failure('bad-origin', 'Events are only sent to this server’s own page.'),
        );
      }
      return openEventStream(response, clientOf(query.get('client')));
    }
    if (requestPath.startsWith('/api/')) {
      if (method !== 'POST') return sendJson(response, 405, failure('method-not-allowed', 'Use POST.'));
      return handleCall(request, response, requestPath.slice('/api/'.length), host!);
    }
    if (method !== 'GET' && method !== 'HEAD') {
      return sendJson(response, 405, failure('method-not-allowed', 'Only GET and HEAD are served here.'));
    }
    const segments = decodeRequestPath(requestPath);
    if (!segments) return sendJson(response, 400, failure('invalid-path', 'That path is not allowed.'));
    if (segments[0] === 'workspace-assets') return serveAsset(response, segments.slice(1), method);
    const file = segments.every((segment) => segment === '') ? ['index.html'] : segments;
    const resolved = await resolveStaticPath(options.rendererRoot, file);
    if (!resolved.ok) {
      if (file[0] === 'index.html') {
        return sendText(response, 503, 'The app is not built yet: run `npm run build`, then start again.');
      }
      return sendJson(response, 404, failure('not-found', 'No such file.'));
    }
    return sendFile(response, resolved.absolute, method, file[0] === 'index.html');
  }

  async function handleCall(request: IncomingMessage, response: Reply, name: string, host: string) {
    const known = Object.prototype.hasOwnProperty.call(apiContract, name);
    const writes = known && apiContract[name as keyof typeof apiContract].writes;
    if (
      !isAllowedOrigin(request.headers.origin, host, writes !== false) ||
      isCrossSite(header(request, 'sec-fetch-site'))
    ) {
      return sendJson(
        response,
        403,
        failure('bad-origin', 'Calls are only accepted from this server’s own page.'),
      );
    }
    // Refused before the body is read or parsed: a read-only server never looks at a write's arguments.
    if (writes !== false && !options.write && !(writes === 'comments' && options.comments === true)) {
      return sendJson(
        response,
        403,
        failure(
          'read-only',
          writes === 'comments'
            ? 'This workspace is served read-only. Restart `specbench serve` with --comments to comment.'
            : 'This workspace is served read-only. Restart `specbench serve` with --write to edit.',
        ),
      );
    }
    if (!/^application\/json\b/i.test(header(request, 'content-type') ?? '')) {
      return sendJson(response, 415, failure('unsupported-media-type', 'Send a JSON body.'));
    }
    const body = await readBody(request, maxBodyBytes);
    if (body === 'too-large') {
      response.setHeader('Connection', 'close');
      return sendJson(response, 413, failure('too-large', `Requests are limited to ${maxBodyBytes} bytes.`));
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return sendJson(response, 400, failure('invalid-json', 'The request body is not valid JSON.'));
    }
    const call = parseCall(name, input);
    if (!call.ok) return sendJson(response, call.error === 'unknown-method' ? 404 : 400, call);
    const started = performance.now();
    const result = await options.service.invoke(call.method, call.input as never);
    if (writes !== false)
      tellOtherClients(writtenPaths(call.input, result), clientOf(header(request, clientHeaderName)));
    // Where the time goes, for whoever runs serve with SPECBENCH_TIMING=1; never shown in the app.
    if (process.env.SPECBENCH_TIMING)
      process.stderr.write(`specbench: ${call.method} ${Math.round(performance.now() - started)} ms\n`);
    sendJson(response, 200, result);
  }

  /**
   * The watcher never reports the server's own writes, so another tab on the same document would not
   * hear of a save: every other page gets it as a change, marked as coming from another window.
   */
  function tellOtherClients(paths: string[], writer: string | undefined): void {
    if (paths.length === 0) return;
    const event: WorkspaceChangeEvent = { paths, roadmap: false, fromOtherWindow: true };
    for (const stream of streams) {
      const client = streamClients.get(stream);
      if (writer === undefined || client !== writer)
        stream.write(`event: change\ndata: ${JSON.stringify(event)}\n\n`);
    }
  }

  function openEventStream(response: Reply, client: string | undefined): void {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    response.write('retry: 2000\n\n');
    streams.add(response);
    if (client) streamClients.set(response, client);
    const unsubscribe = options.service.onDidChangeWorkspace((event) => {
      response.write(`event: change\ndata: ${JSON.stringify(event)}\n\n`);
    });
    const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), heartbeatMs);
    response.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(response);
      streamClients.delete(response);
    });
  }

  async function serveAsset(response: Reply, segments: string[], method: string): Promise<void> {
    const last = segments[segments.length - 1] ?? '';
    if (segments.length === 0 || !imageExtensions.has(path.extname(last).toLowerCase())) {
      return sendJson(response, 404, failure('not-found', 'Only images inside the workspace are served.'));
    }
    const resolved = await resolveStaticPath(options.workspaceRoot, segments);
    if (!resolved.ok) return sendJson(response, 404, failure('not-found', 'No such image in the workspace.'));
    response.setHeader('Content-Security-Policy', assetContentSecurityPolicy);
    return sendFile(response, resolved.absolute, method, false);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, bindHost, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  hosts = allowedHosts(port, options.host && !isLoopback(options.host) ? options.host : undefined);
  const urlHost =
    !options.host || isLoopback(options.host) || isWildcard(options.host) ? '127.0.0.1' : options.host;
  const origin = `http://${urlHost.includes(':') ? `[${urlHost}]` : urlHost}:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of streams) stream.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '::1';
}

function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::';
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function failure(error: string, message: string) {
  return { ok: false as const, error, message };
}

function sendJson(response: Reply, status: number, value: unknown): void {
  const body = JSON.stringify(value ?? null);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(body),
  });
  response.end(body);
}

/**
 * The sign-in page's one script: a shared app link (`…/#/STORY-4`) reaches the server without its
 * `#/…` part, so the page itself keeps it, names it, and goes there once the link or token is pasted.
 */
const signInScript = `(() => {
  const target = /^#\\/[^\\s<>"]{1,500}$/.test(location.hash) ? location.hash : '';
  const form = document.getElementById('sign-in');
  const field = document.getElementById('sign-in-link');
  const error = document.getElementById('sign-in-error');
  if (target) {
    let name = target.slice(2);
    try { name = decodeURIComponent(name); } catch {}
    document.getElementById('sign-in-target').textContent = name;
    document.getElementById('sign-in-target-note').hidden = false;
  }
  form.hidden = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const pasted = field.value.trim();
    let token = pasted;
    try { token = new URL(pasted).searchParams.get('token') || ''; } catch {}
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) {
      error.textContent = 'That is not the link specbench serve printed: it ends in ?token= and 43 letters, digits, - or _.';
      field.setAttribute('aria-invalid', 'true');
      field.focus();
      return;
    }
    location.assign('/?token=' + token + target);
  });
})();`;
const signInPolicy = contentSecurityPolicy.replace(
  "script-src 'self'",
  `script-src 'sha256-${createHash('sha256').update(signInScript).digest('base64')}'`,
);

/** A small page for a browser without a valid session: what this is and how to get in (API calls get JSON). */
function sendSignIn(response: Reply, why: 'expired' | 'no-session'): void {
  const lead =
    why === 'expired'
      ? 'This link’s token is no longer valid: whoever runs the server started it with <code>--new-token</code>.'
      : 'This page is served by <code>specbench serve</code>, which lets in only browsers that opened its link.';
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Specbench: open the link from specbench serve</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1f2328}code{background:#f0f1f3;padding:0 .25em;border-radius:3px}h1{font-size:1.4rem}form{margin:1.5rem 0;padding:1rem;border:1px solid #d9dbde;border-radius:6px}label{display:block;font-weight:600;margin-bottom:.25rem}input{box-sizing:border-box;width:100%;font:inherit;padding:.35rem .5rem;border:1px solid #8c959f;border-radius:4px}button{margin-top:.75rem;font:inherit;padding:.35rem .9rem;border-radius:4px;border:1px solid #3451c7;background:#3451c7;color:#fff}.error{color:#c92a2a;margin:.5rem 0 0}</style>
</head><body><main>
<h1>Open the link printed by specbench serve</h1>
<p>${lead}</p>
<p id="sign-in-target-note" hidden>You were sent a link to <strong id="sign-in-target"></strong>: paste the server’s link below and it opens there.</p>
<form id="sign-in" hidden>
<label for="sign-in-link">Link from specbench serve</label>
<input id="sign-in-link" name="link" autocomplete="off" spellcheck="false" placeholder="http://127.0.0.1:4780/?token=…" aria-describedby="sign-in-error">
<p id="sign-in-error" class="error" role="alert"></p>
<button type="submit">Open</button>
</form>
<p>In the terminal where the server runs, it printed a line like <code>Specbench serving acme at http://127.0.0.1:4780/?token=…</code>. Open that address (or ask whoever started the server for it); the app opens here and this browser stays signed in.</p>
<p>The link stays the same across restarts of the server, until it is started with <code>specbench serve --new-token</code>.</p>
</main><script>${signInScript}</script></body></html>
`;
  response.setHeader('Content-Security-Policy', signInPolicy);
  response.writeHead(401, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(html);
}

function sendText(response: Reply, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(text + '\n');
}

async function sendFile(response: Reply, file: string, method: string, noStore: boolean): Promise<void> {
  const type = contentTypeFor(file);
  let data: Buffer;
  try {
    if (!type || !(await fs.stat(file)).isFile()) throw new Error('not a servable file');
    data = await fs.readFile(file);
  } catch {
    return sendJson(response, 404, failure('not-found', 'No such file.'));
  }
  response.writeHead(200, {
    'Content-Type': type,
    'Content-Length': data.length,
    'Cache-Control': noStore ? 'no-store' : 'no-cache',
  });
  response.end(method === 'HEAD' ? undefined : data);
}

/** Reads at most `limit` bytes; past that the rest is drained and dropped. */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) {
    request.resume();
    return Promise.resolve('too-large');
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? 'too-large' : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}
