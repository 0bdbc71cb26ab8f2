/**
 * One spec in the Metrics view's feed: its title, the release it shipped in and its metrics table with
 * a verdict per metric. Memoized: scrolling, filtering or sorting re-renders only the specs whose
 * metrics or place changed.
 */
import { memo } from 'react';
import type { DocumentSummary } from '../../../shared/contract/documentSummary.js';
import { verdictLabels, type MetricVerdict } from '../../../shared/metrics/metricVerdict.js';
import { longDate } from '../../../shared/releases/releaseNotes.js';
import { HashLink } from '../../ui/HashLink.js';
import { documentHash, documentLink, releaseHash } from '../../workbench/route.js';
import type { MetricsSpec } from './metricRows.js';

/** Why a metric could not be judged, and how to write it so it can (the chip's tooltip). */
const verdictHints: Partial<Record<MetricVerdict, string>> = {
  'not-read':
    'The Actual is not clearly a number: write it with its unit, and when it was measured in brackets, e.g. 4.2% (2026-11-30).',
  unclear:
    'Target and Actual are not numbers of one kind (a percentage and a count, or words): compare them by hand.',
};

interface MetricsSpecArticleProps {
  entry: MetricsSpec;
  index: number;
  count: number;
  byKey: ReadonlyMap<string, DocumentSummary>;
  navigate: (hash: string) => void;
  measure: (element: Element | null) => void;
}

export const MetricsSpecArticle = memo(function MetricsSpecArticle({
  entry: { spec, metrics, shipped },
  index,
  count,
  byKey,
  navigate,
  measure,
}: MetricsSpecArticleProps) {
  const titleId = `metrics-${spec.path}`;
  return (
    <article
      className="metrics-spec"
      aria-labelledby={titleId}
      aria-posinset={index + 1}
      aria-setsize={count}
      tabIndex={0}
      data-index={index}
      ref={measure}
    >
      <div className="panel">
        <h2 id={titleId} className="metrics-spec__title">
          <HashLink hash={documentLink(spec, {}, byKey)} navigate={navigate}>
            {spec.key && <span className="key">{spec.key}</span>} {spec.title}
          </HashLink>
        </h2>
        <p className="metrics-spec__shipped">
          {shipped ? (
            <>
              Shipped in{' '}
              <HashLink hash={releaseHash(shipped.release.key)} navigate={navigate}>
                {shipped.release.key} {shipped.release.name}
              </HashLink>{' '}
              on {longDate(shipped.date)}
            </>
          ) : (
            'Not shipped in a release yet'
          )}
        </p>
        <table className="data-table metrics-table" aria-label={`Metrics of ${spec.key ?? spec.title}`}>
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <th scope="col">Baseline</th>
              <th scope="col">Target</th>
              <th scope="col">Actual</th>
              <th scope="col">Verdict</th>
            </tr>
          </thead>
          <tbody>
            {metrics.map(({ metric, verdict, overdue }) => (
              <tr key={metric.line}>
                <td>
                  <a href={documentHash(spec.path, metric.line)}>{metric.metric}</a>
                </td>
                <td>{metric.baseline}</td>
                <td>{metric.target}</td>
                <td>{metric.actual || '—'}</td>
                <td>
                  <span className={`verdict verdict--${verdict}`} title={verdictHints[verdict]}>
                    {verdictLabels[verdict]}
                  </span>
                  {overdue && (
                    <span className="verdict verdict--overdue" title={overdue}>
                      {verdict === 'not-read' ? 'not read after release' : 'unmeasured after release'}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </article>
  );
});
