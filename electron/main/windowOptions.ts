/** The one set of options every Specbench window is created with: isolated, sandboxed, no Node. */
import type { BrowserWindowConstructorOptions, Rectangle, WebPreferences } from 'electron';

export interface WindowOptionsInput {
  preloadPath: string;
  bounds?: Partial<Rectangle>;
  /** Background painted before the renderer's first frame, so dark mode does not flash white. */
  backgroundColor?: string;
}

/** The page of any window we open (the app's, the PDF printer's) gets these: no Node, no webview, no insecure content. */
export const hardenedWebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
} as const satisfies WebPreferences;

export const minimumWindowSize = { width: 720, height: 480 };

export function createWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  const bounds = input.bounds ?? {};
  return {
    width: Math.max(bounds.width ?? 1280, minimumWindowSize.width),
    height: Math.max(bounds.height ?? 820, minimumWindowSize.height),
    ...(bounds.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    minWidth: minimumWindowSize.width,
    minHeight: minimumWindowSize.height,
    show: false,
    title: 'Specbench',
    backgroundColor: input.backgroundColor ?? '#ffffff',
    webPreferences: { preload: input.preloadPath, ...hardenedWebPreferences, spellcheck: true },
  };
}
