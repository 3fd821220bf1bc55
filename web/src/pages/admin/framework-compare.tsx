import { useState } from 'react';
import { adminApi } from '../../api/admin';
import { Async, EmptyState } from '../../components/status';
import { useApi } from '../../use-api';

/** A table of what changed between two versions of a framework (default: the newest two). */
export function FrameworkCompare({
  frameworkId,
  versions,
}: {
  frameworkId: string;
  versions: readonly string[];
}) {
  const [from, setFrom] = useState(versions.at(-2) ?? '');
  const [to, setTo] = useState(versions.at(-1) ?? '');
  const comparison = useApi(
    () => adminApi.frameworks.compare(frameworkId, from, to),
    [frameworkId, from, to],
  );
  return (
    <section className="card" aria-labelledby="compare-head">
      <h2 id="compare-head">Compare versions</h2>
      <div className="compare-pickers">
        <div className="field">
          <label htmlFor="compare-from">From</label>
          <select id="compare-from" value={from} onChange={(e) => setFrom(e.target.value)}>
            {versions.map((v) => (
              <option key={v}>{v}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="compare-to">To</label>
          <select id="compare-to" value={to} onChange={(e) => setTo(e.target.value)}>
            {versions.map((v) => (
              <option key={v}>{v}</option>
            ))}
          </select>
        </div>
      </div>
      <Async state={comparison} label="Comparing…">
        {({ changes }) =>
          changes.length === 0 ? (
            <EmptyState title="No differences" />
          ) : (
            <div className="table-wrap">
              <table className="stack-table" data-testid="framework-changes">
                <thead>
                  <tr>
                    <th scope="col">What</th>
                    <th scope="col">{from}</th>
                    <th scope="col">{to}</th>
                  </tr>
                </thead>
                <tbody>
                  {changes.map((c) => (
                    <tr key={c.path}>
                      <th scope="row">{c.where}</th>
                      <td data-label={from}>{c.from ?? '—'}</td>
                      <td data-label={to}>{c.to ?? '—'}</td>
                    </tr>
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
