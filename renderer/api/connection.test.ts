import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffMs, Connection } from './connection.js';

describe('backoffMs', () => {
  it.each([
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [4, 8000],
    [5, 15_000],
    [40, 15_000],
  ])('attempt %i waits %i ms', (attempt, wait) => {
    expect(backoffMs(attempt)).toBe(wait);
  });
});

describe('Connection', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('probes with backoff until the server answers, then tells the listeners once', async () => {
    // The server answers from the third probe on (a stand-in for a restart; e2e stops a real one).
    let probes = 0;
    const connection = new Connection(() => Promise.resolve(++probes >= 3));
    const seen: string[] = [];
    connection.subscribe((state) => seen.push(state.status));
    let reconnects = 0;
    connection.onDidReconnect(() => reconnects++);
    connection.lost();
    connection.lost();
    await vi.advanceTimersByTimeAsync(1000);
    await vi.advanceTimersByTimeAsync(2000);
    expect(probes).toBe(2);
    await vi.advanceTimersByTimeAsync(4000);
    expect([probes, reconnects, connection.current.status, seen]).toEqual([
      3,
      1,
      'connected',
      ['reconnecting', 'reconnecting', 'reconnecting', 'connected'],
    ]);
  });

  it('a server that answers probes but drops calls is tried less and less often, not every second', async () => {
    const connection = new Connection(() => Promise.resolve(true));
    const waits: number[] = [];
    for (let drop = 0; drop < 4; drop++) {
      connection.lost();
      const state = connection.current;
      const wait = state.status === 'reconnecting' ? state.nextAttemptAt - Date.now() : 0;
      waits.push(wait);
      await vi.advanceTimersByTimeAsync(wait);
    }
    expect([waits, connection.current.status]).toEqual([[1000, 2000, 4000, 8000], 'connected']);
  });

  it('while flapping, another call getting through does not end the wait: only the probe does', async () => {
    // Only the save fails at the network: the reloads after each reconnect get through at once.
    const connection = new Connection(() => Promise.resolve(true));
    let reconnects = 0;
    connection.onDidReconnect(() => reconnects++);
    connection.lost();
    connection.reached();
    connection.lost();
    connection.reached();
    connection.reached();
    expect([reconnects, connection.current.status]).toEqual([1, 'reconnecting']);
    await vi.advanceTimersByTimeAsync(2000);
    expect([reconnects, connection.current.status]).toEqual([2, 'connected']);
  });

  it('Try now probes at once', async () => {
    let probes = 0;
    const connection = new Connection(() => Promise.resolve(++probes > 0));
    connection.lost();
    connection.retryNow();
    await vi.advanceTimersByTimeAsync(0);
    expect([probes, connection.current.status]).toEqual([1, 'connected']);
  });
});
