/** Offers back the unsaved edits a crash or a closed window left in the backup folder. */
import type { BackupView } from '../../../shared/contract/apiContract.js';
import './restoreBanner.css';

interface RestoreBannerProps {
  backup: BackupView;
  onRestore: () => void;
  onDiscard: () => void;
}

export function RestoreBanner({ backup, onRestore, onDiscard }: RestoreBannerProps) {
  return (
    <div className="restore-banner" role="alert" aria-labelledby="restore-banner-message">
      <p id="restore-banner-message">
        <strong>Unsaved changes from {savedTime(backup.savedAt)} were recovered.</strong>{' '}
        {backup.disk === 'changed'
          ? 'The file has changed on disk since; restoring asks before overwriting it.'
          : 'Restore puts them back in the editor; Discard deletes them.'}
      </p>
      <div className="restore-actions">
        <button type="button" className="primary" onClick={onRestore}>
          Restore
        </button>
        <button type="button" onClick={onDiscard}>
          Discard
        </button>
      </div>
    </div>
  );
}

/** A time today, or a date and time before today. */
function savedTime(savedAt: number): string {
  const saved = new Date(savedAt);
  const today = new Date();
  const sameDay = saved.toDateString() === today.toDateString();
  return sameDay
    ? saved.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' })
    : saved.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
