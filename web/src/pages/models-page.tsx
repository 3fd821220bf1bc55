import { api, type ModelSummary } from '../api';
import { Async, EmptyState } from '../components/status';
import { PageHeader } from '../page';
import { Link } from '../router';
import { useApi } from '../use-api';
import { figure } from './models/model-words';

/** The workspace's scoring models and the built-in ones, with how well each agreed with raters. */
export function ModelsPage() {
  const models = useApi(() => api.models.list(), []);
  return (
    <div className="page">
      <PageHeader title="Models">
        <p className="muted">
          Trained on human ratings and validated on people they never saw. A model passes at a cross-validated
          r of 0.6 or more with the raters. The active model&apos;s prediction is shown on scorecards beside
          the framework&apos;s scores.
        </p>
      </PageHeader>
      <section className="card" aria-labelledby="models-list">
        <h2 id="models-list">Scoring models</h2>
        <Async state={models} label="Loading models…">
          {({ models: list }) => <ModelsTable models={list} />}
        </Async>
      </section>
    </div>
  );
}

function ModelsTable({ models }: { models: readonly ModelSummary[] }) {
  if (models.length === 0) {
    return (
      <EmptyState title="No models yet">
        Train one with <code>candor model train</code>, then import it with <code>candor model import</code>.
      </EmptyState>
    );
  }
  return (
    <div
      className="table-wrap"
      tabIndex={0}
      role="group"
      aria-label="Table (scrolls sideways on a narrow screen)"
    >
      <table data-testid="models-table">
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col">Target</th>
            <th scope="col" className="num">
              Version
            </th>
            <th scope="col">Active</th>
            <th scope="col" className="num">
              Cross-validated r
            </th>
            <th scope="col">Verdict</th>
            <th scope="col" className="num">
              Trained on
            </th>
          </tr>
        </thead>
        <tbody>
          {models.map((m) => (
            <tr key={m.id}>
              <th scope="row">
                <Link to={`/models/${m.id}`}>{m.name}</Link>
                <div className="cell-note">
                  {m.id}
                  {m.builtIn ? ' · built-in' : ''}
                </div>
              </th>
              <td>{m.target}</td>
              <td className="num">{m.version}</td>
              <td>
                {m.activeVersion === null ? (
                  '—'
                ) : (
                  <span className="status status-scored">v{m.activeVersion}</span>
                )}
              </td>
              <td className="num nowrap">
                {figure(m.r)}{' '}
                <span className="muted small">
                  [{figure(m.ci[0])}, {figure(m.ci[1])}]
                </span>
              </td>
              <td>
                <span className={m.passes ? 'status status-scored' : 'status status-insufficient-evidence'}>
                  {m.passes ? 'passes' : 'does not pass'}
                </span>
              </td>
              <td className="num nowrap">
                {m.interviews} interviews, {m.people} people
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
