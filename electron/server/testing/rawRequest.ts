/** Raw HTTP for the server's attack tests: any Host, Origin, cookie or path a browser or an attacker could send. */
import { promises as fs } from 'node:fs';
import http from 'node:http';
import path from 'node:path';

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface Call {
  method?: string;
  path: string;
  headers?: Record<string, string | undefined>;
  body?: string | Buffer;
}

interface Listening {
  port: number;
  url: string;
}

function requestOptions(server: Listening, call: Call): http.RequestOptions {
  const headers = Object.fromEntries(
    Object.entries({ host: `127.0.0.1:${server.port}`, ...call.headers }).filter(
      ([, value]) => value !== undefined,
    ),
  ) as Record<string, string>;
  return {
    host: '127.0.0.1',
    port: server.port,
    method: call.method ?? 'GET',
    path: call.path,
    headers,
    setHost: false,
    // A fresh connection per request: a pooled one may belong to a server a test has just closed.
    agent: false,
  };
}

/** Sends one request exactly as given (no Host added unless missing from `call.headers`) and reads the whole reply. */
export function send(server: Listening, call: Call): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.request(requestOptions(server, call), (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
    request.on('error', reject);
    request.end(call.body);
  });
}

/** For replies that never end (the event stream): status and headers, then the connection is dropped. */
export function sendForHeaders(server: Listening, call: Call): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.request(requestOptions(server, call), (response) => {
      resolve({ status: response.statusCode ?? 0, headers: response.headers, body: '' });
      request.destroy();
    });
    request.on('error', reject);
    request.end(call.body);
  });
}

/** Follows the launch URL and returns the session cookie as `name=value`. */
export async function login(server: Listening): Promise<string> {
  const url = new URL(server.url);
  const reply = await send(server, { path: url.pathname + url.search });
  return (reply.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
}

/** Every file's path and bytes (the cache folder aside), to prove a refused request changed nothing. */
export async function snapshot(folder: string): Promise<Record<string, string>> {
  const entries = await fs.readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile() && !entry.parentPath.includes('.specbench'));
  const texts = await Promise.all(
    files.map(async (entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return [path.relative(folder, file), (await fs.readFile(file)).toString('base64')] as const;
    }),
  );
  return Object.fromEntries(texts.sort(([a], [b]) => a.localeCompare(b)));
}
