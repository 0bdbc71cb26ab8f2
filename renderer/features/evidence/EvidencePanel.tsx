/** A roadmap item's evidence: how many notes from how many customers, and the latest quotes. */
import type { DocumentSummary } from '../../../shared/contract/documentSummary.js';
import { HashLink } from '../../ui/HashLink.js';
import { documentLink } from '../../workbench/route.js';
import { evidenceCount, type EvidenceSummary } from './evidenceSummary.js';
import './evidence.css';

const latest = 3;

export function EvidencePanel({
  evidence,
  navigate,
}: {
  evidence: EvidenceSummary;
  navigate: (hash: string) => void;
}) {
  const shown = evidence.notes.slice(0, latest);
  return (
    <section aria-labelledby="evidence-title" className="panel evidence-panel">
      <h2 id="evidence-title" className="panel__title">
        Evidence <span className="panel__count">{evidence.notes.length}</span>
      </h2>
      {evidence.notes.length === 0 ? (
        <p className="view-empty">
          No feedback is linked yet. Link notes from the{' '}
          <HashLink hash="#/feedback" navigate={navigate}>
            Feedback inbox
          </HashLink>
          .
        </p>
      ) : (
        <>
          <p className="evidence-panel__summary">
            {evidenceCount(evidence)}
            {evidence.customers.length > 0 && `: ${evidence.customers.join(', ')}`}
          </p>
          <ul className="evidence-panel__list" aria-label="Latest quotes">
            {shown.map((note) => (
              <Quote key={note.path} note={note} navigate={navigate} />
            ))}
          </ul>
          {evidence.notes.length > latest && (
            <p className="muted">and {evidence.notes.length - latest} more in the Feedback view.</p>
          )}
        </>
      )}
    </section>
  );
}

function Quote({ note, navigate }: { note: DocumentSummary; navigate: (hash: string) => void }) {
  const evidence = note.evidence;
  const who = [evidence?.customer, evidence?.segment, evidence?.source, evidence?.date]
    .filter(Boolean)
    .join(' · ');
  return (
    <li>
      <blockquote className="evidence-quote">{evidence?.quote || note.title}</blockquote>
      <div className="evidence-panel__who">
        <HashLink hash={documentLink(note)} navigate={navigate}>
          {note.key ?? note.title}
        </HashLink>
        {who && ` · ${who}`}
      </div>
    </li>
  );
}
