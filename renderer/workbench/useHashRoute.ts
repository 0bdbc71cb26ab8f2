/**
 * The current route from `location.hash`, re-read on every hashchange. `replace` puts another address
 * for the same page in the bar (a key link for a path) without a history entry.
 */
import { useCallback, useEffect, useState } from 'react';
import { parseRoute, type Route } from './route.js';

export function useHashRoute(): {
  route: Route;
  navigate: (hash: string) => void;
  replace: (hash: string) => void;
} {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((next: string) => {
    if (window.location.hash === next) return;
    window.location.hash = next;
  }, []);
  const replace = useCallback((next: string) => {
    if (window.location.hash === next) return;
    window.history.replaceState(window.history.state, '', next);
    setHash(next);
  }, []);
  return { route: parseRoute(hash), navigate, replace };
}
