import type { AuditReport } from '../../api/types';

type Gap = NonNullable<AuditReport['gaps']>[number];

const points = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v).toFixed(2)}`;

/**
 * "What drives the gap" for one flagged group: per feature, the mean contribution to the score in
 * the flagged and the reference group, largest difference first (docs/fairness.md). It describes
 * what the scores are made of, not why the groups differ.
 */
export function GapSection({ gap }: { gap: Gap }) {
  const top = gap.features.slice(0, 10);
  const unit =
    gap.source === 'model'
      ? "points of the model's 0–100 prediction"
      : "points of a competency's 0–100 score";
  return (
    <section className="card" aria-labelledby={`gap-${gap.category}-${gap.group}`} data-testid="audit-gap">
      <h2 id={`gap-${gap.category}-${gap.group}`}>
        What drives the gap: {gap.title}, {gap.groupLabel} against {gap.referenceLabel}
      </h2>
      <p className="muted">
        Mean contribution per member ({unit}), from {gap.flaggedCount} {gap.groupLabel} and{' '}
        {gap.referenceCount} {gap.referenceLabel} scorecards. A negative difference gives the flagged group
        fewer points. This shows what the scores are made of, not why the groups differ.
      </p>
      {top.length > 0 ? (
        <div
          className="table-wrap"
          tabIndex={0}
          role="group"
          aria-label="Table (scrolls sideways on a narrow screen)"
        >
          <table className="audit-table">
            <thead>
              <tr>
                <th scope="col">Feature</th>
                <th scope="col" className="num">
                  {gap.groupLabel}
                </th>
                <th scope="col" className="num">
                  {gap.referenceLabel}
                </th>
                <th scope="col" className="num">
                  Difference
                </th>
              </tr>
            </thead>
            <tbody>
              {top.map((f) => (
                <tr key={f.feature}>
                  <th scope="row">{f.feature}</th>
                  <td className="num">{points(f.flaggedMean)}</td>
                  <td className="num">{points(f.referenceMean)}</td>
                  <td className="num">{points(f.difference)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {gap.notes.length > 0 ? (
        <ul className="muted">
          {gap.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
