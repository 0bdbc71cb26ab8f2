/**
 * How a page that failed to read from the server (it was stopped, or restarting) reads again once the
 * server is back: the app counts reconnects, and a page whose last read failed re-runs it on the next.
 */
import { createContext, useContext, useEffect, useRef, useState } from 'react';
import type { Connection } from '../api/connection.js';

/** How many times the server has come back since the page loaded (0 in the desktop app). */
export const ReconnectsContext = createContext(0);

/** For the app's root: counts the connection's reconnects, for ReconnectsContext. */
export function useReconnectCount(connection: Connection | undefined): number {
  const [count, setCount] = useState(0);
  useEffect(() => connection?.onDidReconnect(() => setCount((value) => value + 1)), [connection]);
  return count;
}

/**
 * A number for a read's effect dependencies that changes on the first reconnect after `failed`
 * became true, so the read runs again; a read that worked is left alone (a user's choices in it stay).
 */
export function useRetryOnReconnect(failed: boolean): number {
  const reconnects = useContext(ReconnectsContext);
  const retry = useRef({ failedAt: -1, value: 0 });
  if (!failed) retry.current.failedAt = -1;
  else if (retry.current.failedAt < 0) retry.current.failedAt = reconnects;
  else if (reconnects > retry.current.failedAt) {
    retry.current = { failedAt: -1, value: retry.current.value + 1 };
  }
  return retry.current.value;
}
