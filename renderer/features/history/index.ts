/** What other parts may use of History: its page. */
export { HistoryPage } from './HistoryPage.js';
