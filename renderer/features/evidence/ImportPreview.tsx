/** The import dialog's preview: what would be written, what is left out and why, and which column feeds each field. */
import type { FeedbackImportView } from '../../../shared/contract/evidenceArguments.js';
import { refusedAddressLines } from '../../../shared/import/refusedAddress.js';
import { repeatedRowsPhrase } from '../../../shared/import/repeatedRows.js';

/** The fields a column can be chosen for in the preview. */
export const mappedFields = ['text', 'customer', 'segment', 'source', 'date', 'url'] as const;
export type ColumnChoice = Partial<Record<(typeof mappedFields)[number], string>>;

/** Each field as the preview names it. */
const fieldLabels: Record<(typeof mappedFields)[number], string> = {
  text: 'Feedback text',
  customer: 'Customer',
  segment: 'Segment',
  source: 'Source',
  date: 'Date',
  url: 'URL',
};

const previewRows = 50;

interface ImportPreviewProps {
  view: FeedbackImportView;
  choice: ColumnChoice;
  onChoose: (field: (typeof mappedFields)[number], column: string) => void;
}

export function ImportPreview({ view, choice, onChoose }: ImportPreviewProps) {
  const skipped = [
    view.alreadyImported > 0 && `${view.alreadyImported} imported before`,
    repeatedRowsPhrase(view.repeated),
    view.empty > 0 && `${view.empty} without text`,
  ].filter(Boolean);
  const refused = view.notes.flatMap((note) => (note.refusedAddress ? [note.refusedAddress] : []));
  const read = new Set(Object.values(view.columns));
  const addresses = view.columns.url !== undefined;
  const ignored = view.header.filter((column) => column !== '' && !read.has(column));
  return (
    <div className="import-preview">
      {view.missingText ? (
        <p role="alert" className="inline-error">
          {choice.text === ''
            ? 'Import needs the feedback text: choose its column under Columns.'
            : 'No column was recognised as the feedback text: choose it under Columns.'}
        </p>
      ) : (
        <p role="status">
          {view.notes.length} new {view.notes.length === 1 ? 'note' : 'notes'}
          {skipped.length > 0 && ` · skipped: ${skipped.join(', ')}`}
          {refusedAddressLines(refused).map((line) => (
            <span key={line} className="import-preview__left-out">
              {line}.
            </span>
          ))}
        </p>
      )}
      <fieldset className="import-preview__columns">
        <legend>Columns</legend>
        {mappedFields.map((field) => (
          <label key={field} className="import-preview__column">
            <span>{fieldLabels[field]}</span>
            <select
              className="select"
              aria-label={fieldLabels[field]}
              value={choice[field] ?? view.columns[field] ?? ''}
              onChange={(event) => onChoose(field, event.target.value)}
            >
              <option value="">{field === 'text' ? 'Choose a column' : '— not imported —'}</option>
              {view.header.map((column, index) => (
                <option key={index} value={column}>
                  {column}
                </option>
              ))}
            </select>
          </label>
        ))}
        <p className="muted import-preview__ignored">
          {ignored.length === 0 ? 'Every column is read.' : `Ignored: ${ignored.join(', ')}`}
        </p>
      </fieldset>
      {view.notes.length > 0 && (
        <div className="import-preview__table">
          <table className="data-table" aria-label="Notes to import">
            <thead>
              <tr>
                <th scope="col">Key</th>
                <th scope="col">Customer</th>
                <th scope="col">Source</th>
                <th scope="col">Date</th>
                {addresses && <th scope="col">URL</th>}
                <th scope="col">Quote</th>
              </tr>
            </thead>
            <tbody>
              {view.notes.slice(0, previewRows).map((note) => (
                <tr key={note.key}>
                  <td className="keys">{note.key}</td>
                  <td>{note.customer}</td>
                  <td>{note.source}</td>
                  <td>{note.date}</td>
                  {addresses && (
                    <td className="import-preview__url">
                      {note.url}
                      {note.refusedAddress && (
                        <>
                          <span className="import-preview__refused-address">
                            {note.refusedAddress.address}
                          </span>
                          <span className="import-preview__refusal">
                            Left out: it {note.refusedAddress.reason}
                          </span>
                        </>
                      )}
                    </td>
                  )}
                  <td className="import-preview__quote">{note.quote}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {view.notes.length > previewRows && (
            <p className="muted">and {view.notes.length - previewRows} more.</p>
          )}
        </div>
      )}
    </div>
  );
}
