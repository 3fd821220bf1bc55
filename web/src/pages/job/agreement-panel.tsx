import { api, type TargetAgreement } from '../../api';
import { Async } from '../../components/status';
import { useApi } from '../../use-api';

const figure = (value: number | null) => (value === null ? '—' : value.toFixed(2));

/**
 * How far the people who rated this job's interviews agree, per target: ICC(2,k) (how far the
 * raters' mean can be trusted, the ceiling a model trained on their ratings can reach) and
 * Krippendorff's alpha, or in words why they cannot be computed yet.
 */
export function AgreementPanel({
  jobId,
  names,
}: {
  jobId: string;
  /** Competency names by id, to show instead of ids. */
  names: ReadonlyMap<string, string>;
}) {
  const agreement = useApi(() => api.ratings.agreement({ job: jobId }), [jobId]);
  return (
    <section className="card" aria-labelledby="agreement-heading" data-testid="agreement">
      <div className="section-head">
        <h2 id="agreement-heading">Rater agreement</h2>
        <p className="muted small">
          How far people who rated these interviews agree. It is the ceiling any model trained on their
          ratings can reach.
        </p>
      </div>
      <Async state={agreement} label="Loading rater agreement…">
        {(data) =>
          data.targets.length === 0 ? (
            <p className="muted">
              Nobody has rated this job’s interviews yet. Use “Rate blind” in the ranking, or import a ratings
              file.
            </p>
          ) : (
            <div
              className="table-wrap"
              tabIndex={0}
              role="group"
              aria-label="Table (scrolls sideways on a narrow screen)"
            >
              <table className="agreement">
                <thead>
                  <tr>
                    <th scope="col">Target</th>
                    <th scope="col" className="num">
                      Raters
                    </th>
                    <th scope="col" className="num">
                      Rated by 2+
                    </th>
                    <th scope="col" className="num">
                      ICC(2,k)
                    </th>
                    <th scope="col" className="num">
                      Krippendorff’s α
                    </th>
                    <th scope="col">Note</th>
                  </tr>
                </thead>
                <tbody>
                  {data.targets.map((t) => (
                    <AgreementRow key={t.target} row={t} name={names.get(t.target)} />
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Async>
    </section>
  );
}

function AgreementRow({ row, name }: { row: TargetAgreement; name: string | undefined }) {
  const note = row.reason ?? row.iccReason;
  const icc =
    row.iccAverage === null
      ? ''
      : ` on ${row.iccItems} items, each rated by the same ${row.iccRaters} raters`;
  return (
    <tr data-testid="agreement-row">
      <th scope="row">
        {name ?? (row.target === 'overall' ? 'Overall' : row.target)}
        {row.scale && (
          <div className="cell-note">
            scale {row.scale.min}–{row.scale.max}
          </div>
        )}
      </th>
      <td className="num">{row.raters}</td>
      <td className="num">{row.items}</td>
      <td className="num" title={icc ? `ICC(2,k)${icc}` : undefined}>
        {figure(row.iccAverage)}
      </td>
      <td className="num">{figure(row.alpha)}</td>
      <td className="small">{note ?? (icc ? `ICC${icc}.` : '')}</td>
    </tr>
  );
}
