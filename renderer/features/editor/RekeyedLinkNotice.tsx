/**
 * On a story whose link was written for a copy of a duplicated key that was renamed after a merge
 * (in this clone or a teammate's: the record is committed), what to do: point it or keep it, in Changes.
 */
import type { FindingView } from '../../../shared/contract/apiContract.js';

export function RekeyedLinkNotice({ findings, path }: { findings: readonly FindingView[]; path: string }) {
  const mine = findings.filter((finding) => finding.rule === 'rekeyed-reference' && finding.path === path);
  if (mine.length === 0) return null;
  return (
    <section role="status" aria-label="Renamed key" className="banner banner--warning story-review">
      <span>
        {mine.map((finding) => (
          <span key={`${finding.line} ${finding.key ?? ''}`} className="rekeyed-link">
            {finding.message.replace(/ \(Changes\)\.$/, '.')}{' '}
          </span>
        ))}
      </span>
      <a className="button" href="#/changes">
        Point it in Changes
      </a>
    </section>
  );
}
