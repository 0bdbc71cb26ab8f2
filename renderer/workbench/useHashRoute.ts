/** The current route from `location.hash`, re-read on every hashchange. */
import { useCallback, useEffect, useState } from 'react';
import { parseRoute, type Route } from './route.js';

export function useHashRoute(): { route: Route; navigate: (hash: string) => void } {
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
  return { route: parseRoute(hash), navigate };
}
