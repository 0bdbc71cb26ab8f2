/** What other features may use of the document actions: the header's menu and the lists' right-click. */
export { DocumentMenu } from './DocumentMenu.js';
export { useDocumentContextMenu } from './useDocumentContextMenu.js';
