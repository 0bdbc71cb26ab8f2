/**
 * The largest document the app reads or saves. Its own module: the engine reads it on every open,
 * and importing it from the contract built every method's schema first (about 30 ms of a CLI run).
 */
export const maxDocumentBytes = 10 * 1024 * 1024;
