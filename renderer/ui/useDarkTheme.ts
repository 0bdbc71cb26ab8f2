/** Whether the app shows its dark theme: the palette's choice (`data-theme`), else the system's; follows changes. */
import { useEffect, useState } from 'react';

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

export function isDarkTheme(): boolean {
  const chosen = document.documentElement.dataset.theme;
  return chosen === undefined ? darkQuery().matches : chosen === 'dark';
}

/** Calls `listener` when the app's theme changes (palette toggle or system); returns the unsubscribe. */
export function onDidChangeTheme(listener: () => void): () => void {
  const observer = new MutationObserver(listener);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  const query = darkQuery();
  query.addEventListener('change', listener);
  return () => {
    observer.disconnect();
    query.removeEventListener('change', listener);
  };
}

export function useDarkTheme(): boolean {
  const [dark, setDark] = useState(isDarkTheme);
  useEffect(() => onDidChangeTheme(() => setDark(isDarkTheme())), []);
  return dark;
}
