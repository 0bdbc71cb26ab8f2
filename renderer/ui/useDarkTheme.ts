/** Whether the app shows its dark theme: the palette's choice (`data-theme`), else the system's; follows changes. */
import { useEffect, useState } from 'react';

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

function isDark(): boolean {
  const chosen = document.documentElement.dataset.theme;
  return chosen === undefined ? darkQuery().matches : chosen === 'dark';
}

export function useDarkTheme(): boolean {
  const [dark, setDark] = useState(isDark);
  useEffect(() => {
    const update = () => setDark(isDark());
    const observer = new MutationObserver(update);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    const query = darkQuery();
    query.addEventListener('change', update);
    return () => {
      observer.disconnect();
      query.removeEventListener('change', update);
    };
  }, []);
  return dark;
}
