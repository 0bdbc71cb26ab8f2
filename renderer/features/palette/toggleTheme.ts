/** Flips the theme by setting `data-theme` on the root; without it, the shell's CSS follows the system. */
export function toggleTheme(): void {
  const root = document.documentElement;
  const current =
    root.dataset.theme ?? (window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  root.dataset.theme = current === 'dark' ? 'light' : 'dark';
}
