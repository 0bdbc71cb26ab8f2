/**
 * Whether browser mode's server is there. A failed call or a dropped event stream marks it lost;
 * from then on it is probed with backoff (1 s, 2 s, 4 s … up to 15 s, or at once on Try now) until
 * it answers, and everyone listening hears that it is back (the event stream reopens, the workspace
 * is read again, edits that waited are saved).
 */
export type ConnectionState =
  { status: 'connected' } | { status: 'reconnecting'; attempt: number; nextAttemptAt: number };

/** The wait before probe number `attempt` (1-based): doubling from 1 s, capped at 15 s. */
export function backoffMs(attempt: number): number {
  return Math.min(15_000, 1000 * 2 ** Math.max(0, attempt - 1));
}

export class Connection {
  private state: ConnectionState = { status: 'connected' };
  private readonly listeners = new Set<(state: ConnectionState) => void>();
  private readonly reconnectListeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private probing = false;
  /** When it was last back, and after how many probes: a server that answers probes but drops calls backs off too. */
  private lastBack = { at: -Infinity, attempt: 0 };

  /** `probe` answers whether the server is there (any answer from it, even a refusal, counts). */
  constructor(
    private readonly probe: () => Promise<boolean>,
    private readonly clock: { now: () => number } = Date,
  ) {}

  get current(): ConnectionState {
    return this.state;
  }

  subscribe(listener: (state: ConnectionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called once each time the server is back after being lost. */
  onDidReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  /** A call or the event stream did not reach the server. */
  lost(): void {
    if (this.state.status === 'reconnecting') return;
    const flapping = this.clock.now() - this.lastBack.at < 10_000;
    this.schedule(flapping ? this.lastBack.attempt + 1 : 1);
  }

  /**
   * A call reached the server: if it was lost, it is back — unless it is flapping (lost again soon
   * after coming back, as when only the save is refused at the network): then only the probe, on its
   * backoff, ends the wait, or every other call that gets through would reload everything at once.
   */
  reached(fromProbe = false): void {
    if (this.state.status === 'connected') return;
    if (!fromProbe && this.state.attempt > 1) return;
    clearTimeout(this.timer);
    this.lastBack = { at: this.clock.now(), attempt: this.state.attempt };
    this.set({ status: 'connected' });
    for (const listener of [...this.reconnectListeners]) listener();
  }

  /** Try now instead of waiting for the next probe. */
  retryNow(): void {
    if (this.state.status !== 'reconnecting') return;
    clearTimeout(this.timer);
    void this.attempt(this.state.attempt);
  }

  private schedule(attempt: number): void {
    const wait = backoffMs(attempt);
    this.set({ status: 'reconnecting', attempt, nextAttemptAt: this.clock.now() + wait });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.attempt(attempt), wait);
  }

  private async attempt(attempt: number): Promise<void> {
    if (this.probing) return;
    this.probing = true;
    const there = await this.probe().catch(() => false);
    this.probing = false;
    if (this.state.status === 'connected') return;
    if (there) this.reached(true);
    else this.schedule(attempt + 1);
  }

  private set(state: ConnectionState): void {
    this.state = state;
    for (const listener of [...this.listeners]) listener(state);
  }
}
