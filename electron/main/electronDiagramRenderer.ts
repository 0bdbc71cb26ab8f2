/**
 * The desktop app's diagram renderer: Electron's own Chromium draws the Mermaid diagrams of an
 * export, so the desktop app needs no other browser (as for its PDFs). A hidden window in an
 * in-memory session that refuses every request but its own page; no preload, no navigation. Its
 * page loads no script: Mermaid and the drawing code are sent with executeJavaScript, the page's
 * policy refuses everything else, and every SVG goes through the shared diagram policy
 * (diagramRenderer's drawDiagrams, the same loop and time limit as the CLI's Chromium).
 */
import { randomUUID } from 'node:crypto';
import {
  diagramPageHtml,
  diagramPageStart,
  diagramTimeLimitMs,
  drawDiagrams,
  mermaidScript,
  type DiagramPage,
  type DiagramRenderer,
} from '../export/diagramRenderer.js';
import { denyNavigation, pageSession, type PrintSession } from './electronPdfPrinter.js';
import { hardenedWebPreferences } from './windowOptions.js';

/** The part of a BrowserWindow the renderer uses (a fake stands in where Electron cannot run). */
export interface DrawWindow {
  loadURL(url: string): Promise<void>;
  destroy(): void;
  webContents: {
    on(
      event: 'will-navigate' | 'will-redirect',
      listener: (event: { preventDefault(): void }) => void,
    ): unknown;
    setWindowOpenHandler(handler: () => { action: 'deny' }): void;
    executeJavaScript(code: string): Promise<unknown>;
  };
}

export interface DrawingElectron<Session extends PrintSession = PrintSession> {
  session: { fromPartition(partition: string, options: { cache: boolean }): Session };
  BrowserWindow: new (options: ReturnType<typeof drawWindowOptions<Session>>) => DrawWindow;
}

/** Hidden, with every hardened preference and no preload; JavaScript on, since Mermaid is a script. */
export function drawWindowOptions<Session>(drawSession: Session) {
  return {
    show: false,
    width: 1200,
    height: 900,
    webPreferences: {
      session: drawSession,
      ...hardenedWebPreferences,
      javascript: true,
      spellcheck: false,
    },
  };
}

/** One window per export that has diagrams (another after a diagram that ran out of time). */
export function electronDiagramRenderer<Session extends PrintSession>(
  electron: DrawingElectron<Session>,
  timeLimitMs = diagramTimeLimitMs,
): DiagramRenderer {
  const pages = new Map<string, string>();
  let drawSession: Session | undefined;
  const sessionForDrawing = (): Session =>
    (drawSession ??= pageSession(electron, 'specbench-diagrams', pages));
  const open = async (): Promise<DiagramPage> => {
    const pageUrl = `file:///specbench-diagrams/${randomUUID()}/diagrams.html`;
    pages.set(pageUrl, diagramPageHtml());
    const window = new electron.BrowserWindow(drawWindowOptions(sessionForDrawing()));
    const close = () => {
      pages.delete(pageUrl);
      window.destroy();
      return Promise.resolve();
    };
    try {
      denyNavigation(window);
      await window.loadURL(pageUrl);
      await window.webContents.executeJavaScript(mermaidScript());
      await window.webContents.executeJavaScript(diagramPageStart());
    } catch (error) {
      await close();
      throw error;
    }
    return { evaluate: (expression) => window.webContents.executeJavaScript(expression), close };
  };
  return (sources) =>
    drawDiagrams(
      sources,
      open,
      (error) =>
        `the app could not draw it: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      timeLimitMs,
    );
}
