/**
 * Opens the Export dialog with one document chosen, whatever its kind: the app provides it, and a
 * document's actions menu (header or navigator right-click) offers "Export…" through it.
 */
import { createContext } from 'react';

export const ExportRequestsContext = createContext<((path: string) => void) | undefined>(undefined);
