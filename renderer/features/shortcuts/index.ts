export { ShortcutsDialog } from './ShortcutsDialog.js';
