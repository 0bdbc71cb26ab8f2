/**
 * "Disconnected — reconnecting…" while browser mode's server is away (stopped, restarting, the
 * laptop asleep), with when the next try is and Try now; "Reconnected" a moment once it is back.
 */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Connection } from '../api/connection.js';

export function ConnectionBanner({
  connection,
  writable,
  readOnlyReason,
}: {
  connection: Connection;
  writable: boolean;
  /** Why the server is read-only though it was started to edit (another Specbench is editing the workspace). */
  readOnlyReason?: string | undefined;
}) {
  const state = useSyncExternalStore(
    (changed) => connection.subscribe(changed),
    () => connection.current,
  );
  const [now, setNow] = useState(() => Date.now());
  const [back, setBack] = useState(false);
  const reconnecting = state.status === 'reconnecting';
  // Whether this tab could edit before the server went away: one back read-only says so.
  const writableBefore = useRef(writable);
  if (!reconnecting && !back) writableBefore.current = writable;

  useEffect(() => {
    if (!reconnecting) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [reconnecting]);

  useEffect(
    () =>
      connection.onDidReconnect(() => {
        setBack(true);
        window.setTimeout(() => setBack(false), 4000);
      }),
    [connection],
  );

  if (state.status === 'reconnecting') {
    const seconds = Math.max(0, Math.ceil((state.nextAttemptAt - now) / 1000));
    return (
      <div className="connection-banner connection-banner--lost" role="alert" aria-label="Connection">
        <span>
          <strong>Disconnected — reconnecting…</strong> The Specbench server is not answering (was{' '}
          <code>specbench serve</code> stopped?).
          {writable && ' Your edits stay here and are saved when it is back.'}
        </span>
        <span className="connection-next" aria-hidden="true">
          {seconds > 0 ? `Next try in ${seconds} s` : 'Trying…'}
        </span>
        <button type="button" onClick={() => connection.retryNow()}>
          Try now
        </button>
      </div>
    );
  }
  if (back) {
    return (
      <div className="connection-banner connection-banner--back" role="status" aria-label="Connection">
        Reconnected.
        {writableBefore.current && !writable && (
          <>
            {' '}
            The server is read-only now:{' '}
            {readOnlyReason ?? (
              <>
                to edit, start it with <code>specbench serve --write</code>.
              </>
            )}
          </>
        )}
      </div>
    );
  }
  return null;
}
