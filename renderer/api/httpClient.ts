/** The contract over HTTP, for browser mode: one POST per call, change events over Server-Sent Events. */
import type {
  Failure,
  MethodName,
  SpecbenchApi,
  WorkspaceChangeEvent,
} from '../../shared/contract/apiContract.js';
import { apiContract, methodNames } from '../../shared/contract/apiContract.js';
import { clientHeaderName } from '../../shared/contract/clientIdentity.js';
import type { Connection } from './connection.js';

export interface HttpClientOptions {
  /** Where the server is; the page's own origin by default. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Told when a call or the event stream misses the server, and when it answers again. */
  connection?: Connection;
}

/** Raised for a failure a read method cannot return as a value (an expired session, a server error). */
export class ApiError extends Error {
  constructor(
    readonly error: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function createHttpClient(options: HttpClientOptions = {}): SpecbenchApi {
  const baseUrl = (options.baseUrl ?? '').replace(/\/$/, '');
  const send = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  // This page's id: the server tells the other pages of its writes, and not this one.
  const client = newClientId();
  const api: Record<string, unknown> = {};
  for (const method of methodNames) {
    api[method] = (input: unknown) => call(send, baseUrl, method, input, options.connection, client);
  }
  api.onDidChangeWorkspace = createEventSubscription(
    `${baseUrl}/api/events?client=${client}`,
    options.connection,
  );
  // A browser shows its own right-click menu; the page is never asked for actions.
  api.onDidRequestContextMenu = () => () => undefined;
  return api as SpecbenchApi;
}

async function call(
  send: typeof fetch,
  baseUrl: string,
  method: MethodName,
  input: unknown,
  connection: Connection | undefined,
  client: string,
): Promise<unknown> {
  let response: Response;
  try {
    response = await send(`${baseUrl}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [clientHeaderName]: client },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
    });
  } catch {
    connection?.lost();
    return failureOf(
      method,
      'unreachable',
      'The Specbench server is not reachable. Is specbench serve still running?',
    );
  }
  connection?.reached();
  const body = await readJson(response);
  if (response.ok) return body;
  const failure = asFailure(body) ?? {
    ok: false,
    error: 'http-' + response.status,
    message: `The server answered ${response.status}.`,
  };
  return failureOf(method, failure.error, failure.message);
}

/** Methods whose results carry failures get this one as a value too; the others have no failure shape, so they throw. */
function failureOf(method: MethodName, error: string, message: string): Failure {
  if (apiContract[method].failuresAsValues) return { ok: false, error, message };
  throw new ApiError(error, message);
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}

function asFailure(body: unknown): Failure | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const candidate = body as Partial<Failure>;
  if (candidate.ok !== false || typeof candidate.error !== 'string') return undefined;
  return { ok: false, error: candidate.error, message: String(candidate.message ?? candidate.error) };
}

function newClientId(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/** Any answer from the server (even a refusal) means it is there; for the connection's probes. */
export async function probeServer(baseUrl = '', send: typeof fetch = fetch): Promise<boolean> {
  try {
    await send(`${baseUrl.replace(/\/$/, '')}/api/getWorkspace`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
      credentials: 'same-origin',
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * One EventSource shared by every listener, opened on the first and closed with the last. When it
 * drops, the connection probes the server with backoff, and the stream reopens once it is back.
 */
function createEventSubscription(url: string, connection: Connection | undefined) {
  const listeners = new Set<(event: WorkspaceChangeEvent) => void>();
  let source: EventSource | undefined;
  const open = () => {
    if (source || listeners.size === 0 || typeof EventSource === 'undefined') return;
    const opened = new EventSource(url);
    source = opened;
    opened.addEventListener('change', (message) => {
      const event = parseChangeEvent((message as MessageEvent<string>).data);
      if (event) for (const each of [...listeners]) each(event);
    });
    opened.addEventListener('open', () => connection?.reached());
    opened.addEventListener('error', () => {
      if (!connection || opened.readyState === EventSource.OPEN) return;
      opened.close();
      if (source === opened) source = undefined;
      connection.lost();
    });
  };
  connection?.onDidReconnect(open);
  return (listener: (event: WorkspaceChangeEvent) => void): (() => void) => {
    listeners.add(listener);
    open();
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) {
        source?.close();
        source = undefined;
      }
    };
  };
}

export function parseChangeEvent(data: string): WorkspaceChangeEvent | undefined {
  try {
    const value = JSON.parse(data) as Partial<WorkspaceChangeEvent>;
    if (!Array.isArray(value.paths) || typeof value.roadmap !== 'boolean') return undefined;
    const comments = Array.isArray(value.comments)
      ? value.comments.filter((key): key is string => typeof key === 'string')
      : [];
    return {
      paths: value.paths.filter((path): path is string => typeof path === 'string'),
      roadmap: value.roadmap,
      ...(comments.length > 0 ? { comments } : {}),
      ...(value.searchReady === true ? { searchReady: true as const } : {}),
      ...(value.fromOtherWindow === true ? { fromOtherWindow: true as const } : {}),
    };
  } catch {
    return undefined;
  }
}
