import { useMemo, useState } from 'react';
import { api, errorMessage, type AgreementFigures, type ModelDetail } from '../api';
import { Chart } from '../charts/chart';
import { predictedVsRatedOption, weightsOption } from '../charts/model-options';
import { Async } from '../components/status';
import { formatDateTime } from '../format';
import { PageHeader } from '../page';
import { Link, navigate } from '../router';
import { useUser } from '../session';
import { useApi } from '../use-api';
import { featureName, figure, rWithInterval, verdictWords } from './models/model-words';

/**
 * One scoring model: what it was trained on and for whom, its blind validation beside the
 * baselines, the predictions against the raters' scores, and its weights.
 */
export function ModelPage({ modelId, version }: { modelId: string; version?: number }) {
  const state = useApi(() => api.models.get(modelId, version), [modelId, version]);
  return (
    <div className="page">
      <PageHeader
        title={state.data?.model.name ?? 'Model'}
        eyebrow={
          <nav aria-label="Breadcrumb">
            <Link to="/models">Models</Link>
          </nav>
        }
      />
      <Async state={state} label="Loading model…">
        {(detail) => <ModelView detail={detail} onChange={state.setData} />}
      </Async>
    </div>
  );
}

function ModelView({ detail, onChange }: { detail: ModelDetail; onChange: (d: ModelDetail) => void }) {
  const m = detail.model;
  const v = m.validation;
  const points = v.points ?? [];
  const scatter = useMemo(() => predictedVsRatedOption(points, m.scale), [points, m.scale]);
  const weights = useMemo(() => weightsOption(m.features, featureName), [m.features]);
  const weightLabel =
    'Weights: points of the 0 to 100 prediction per standard deviation of each feature. ' +
    [...m.features]
      .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
      .map((f) => `${featureName(f.signal)} ${figure(f.weight * 100)}`)
      .join('; ');
  return (
    <>
      <section className="card" aria-labelledby="model-summary">
        <h2 id="model-summary" className="visually-hidden">
          Summary
        </h2>
        <p className={v.passes ? 'success' : 'notice'} data-testid="model-verdict">
          <strong>{v.passes ? 'Passes' : 'Does not pass'}.</strong> {verdictWords(v.passes, v.threshold)}{' '}
          <span className="small">({v.verdict}.)</span>
        </p>
        <dl className="facts">
          <div>
            <dt>Model</dt>
            <dd>
              {m.id} version {m.version}
              {detail.builtIn ? ' · built-in' : ''}
              {detail.active ? ' · active' : ''}
            </dd>
          </div>
          <div>
            <dt>Predicts</dt>
            <dd>
              {m.target}, on the raters&apos; {m.scale.min}–{m.scale.max} scale
            </dd>
          </div>
          <div>
            <dt>Trained on</dt>
            <dd>
              {m.training.description}; {m.training.raters} {m.training.raters === 1 ? 'rater' : 'raters'}
            </dd>
          </div>
          <div>
            <dt>Method</dt>
            <dd>
              {m.method.kind}, penalty {figure(m.method.alpha)}, {m.features.length} features
            </dd>
          </div>
        </dl>
        <h3>Population</h3>
        <p data-testid="model-population">{m.population}</p>
        <p className="muted small">Source: {m.training.source}</p>
      </section>

      <section className="card" aria-labelledby="validation-heading">
        <h2 id="validation-heading">Blind validation</h2>
        <p className="muted small">{v.method}</p>
        <ValidationTable detail={detail} />
        <p data-testid="rater-agreement">
          <RaterAgreement detail={detail} />
        </p>
        {v.notes && v.notes.length > 0 && (
          <>
            <h3>Notes</h3>
            <ul className="small">
              {v.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </>
        )}
      </section>

      <div className="grid-2">
        <section className="card" aria-labelledby="scatter-heading">
          <h2 id="scatter-heading">Predicted against rated</h2>
          {points.length === 0 ? (
            <p className="muted">This model file does not hold its cross-validated predictions.</p>
          ) : (
            <>
              <Chart
                option={scatter}
                height={340}
                testId="model-scatter"
                label={`Each of ${points.length} interviews: the raters' score against the model's cross-validated prediction; r = ${figure(v.crossValidated.r)}.`}
              />
              <p className="muted small">
                Each dot is one interview, predicted by a model that never saw that person. The dashed line is
                where prediction and rating agree.
              </p>
            </>
          )}
        </section>
        <section className="card" aria-labelledby="weights-heading">
          <h2 id="weights-heading">Weights</h2>
          <Chart
            option={weights}
            height={Math.max(160, m.features.length * 30 + 40)}
            testId="model-weights"
            label={weightLabel}
          />
          <p className="muted small">
            Points of the 0–100 prediction per standard deviation of the feature. A bar to the left lowers the
            prediction as the feature grows.
          </p>
        </section>
      </div>

      <section className="card" aria-labelledby="features-heading">
        <h2 id="features-heading">Features</h2>
        <div
          className="table-wrap"
          tabIndex={0}
          role="group"
          aria-label="Table (scrolls sideways on a narrow screen)"
        >
          <table data-testid="model-features">
            <thead>
              <tr>
                <th scope="col">Feature</th>
                <th scope="col" className="num">
                  Weight (points per SD)
                </th>
                <th scope="col" className="num">
                  Training mean
                </th>
                <th scope="col" className="num">
                  SD
                </th>
                <th scope="col">Direction the framework states</th>
              </tr>
            </thead>
            <tbody>
              {[...m.features]
                .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
                .map((f) => (
                  <tr key={f.signal}>
                    <th scope="row">
                      {featureName(f.signal)}
                      <div className="cell-note">{f.signal}</div>
                    </th>
                    <td className="num">{figure(f.weight * 100)}</td>
                    <td className="num">{Number(f.mean.toFixed(2))}</td>
                    <td className="num">{Number(f.sd.toFixed(2))}</td>
                    <td>
                      {f.direction === undefined
                        ? '—'
                        : f.direction === 'higher'
                          ? 'higher is better'
                          : 'lower is better'}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      </section>

      <Versions detail={detail} onChange={onChange} />
    </>
  );
}

function Row({ label, f, reason }: { label: string; f: AgreementFigures | null; reason?: string }) {
  return (
    <tr>
      <th scope="row">
        {label}
        {!f && reason && <div className="cell-note">{reason}</div>}
      </th>
      {f ? (
        <>
          <td className="num">{figure(f.r)}</td>
          <td className="num nowrap">
            {figure(f.ci[0])} to {figure(f.ci[1])}
          </td>
          <td className="num">{figure(f.rho)}</td>
          <td className="num">{figure(f.mae)}</td>
          <td className="num">{f.n}</td>
          <td className="num">{f.people}</td>
        </>
      ) : (
        <td colSpan={6} className="muted">
          not computed
        </td>
      )}
    </tr>
  );
}

function ValidationTable({ detail }: { detail: ModelDetail }) {
  const v = detail.model.validation;
  return (
    <div
      className="table-wrap"
      tabIndex={0}
      role="group"
      aria-label="Table (scrolls sideways on a narrow screen)"
    >
      <table data-testid="model-validation">
        <caption className="visually-hidden">
          The model&apos;s agreement with raters beside its baselines
        </caption>
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col" className="num">
              r
            </th>
            <th scope="col" className="num">
              95% interval
            </th>
            <th scope="col" className="num">
              rho
            </th>
            <th scope="col" className="num">
              MAE
            </th>
            <th scope="col" className="num">
              Interviews
            </th>
            <th scope="col" className="num">
              People
            </th>
          </tr>
        </thead>
        <tbody>
          <Row label="Model, cross-validated" f={v.crossValidated} />
          <Row label="Model, holdout people" f={v.holdout} reason="could not be computed (see the notes)" />
          {v.baselines.map((b) => (
            <Row
              key={b.name}
              label={`Baseline: ${b.name}`}
              f={b.figures}
              {...(b.reason ? { reason: b.reason } : {})}
            />
          ))}
        </tbody>
      </table>
      <p className="muted small">
        r: Pearson correlation with the raters; rho: Spearman; MAE: mean absolute error on the{' '}
        {detail.model.scale.min}–{detail.model.scale.max} scale. Intervals are 95% bootstrap intervals
        resampled by person. Cross-validated r: {rWithInterval(v.crossValidated)}.
      </p>
    </div>
  );
}

function RaterAgreement({ detail }: { detail: ModelDetail }) {
  const a = detail.model.validation.raterAgreement;
  if (!a) return <>Raters&apos; agreement: not computed.</>;
  const parts = [
    a.iccK === null ? null : `ICC(2,k) = ${figure(a.iccK)}`,
    a.alpha === null ? null : `Krippendorff's alpha = ${figure(a.alpha)}`,
  ].filter(Boolean);
  return (
    <>
      <strong>Raters&apos; agreement</strong> (the ceiling a model can reach):{' '}
      {parts.length > 0 ? parts.join(', ') : 'cannot be computed'}
      {a.reason ? ` — ${a.reason}` : ''}.
    </>
  );
}

function Versions({ detail, onChange }: { detail: ModelDetail; onChange: (d: ModelDetail) => void }) {
  const user = useUser();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const m = detail.model;
  const activate = async () => {
    setBusy(true);
    setError(null);
    try {
      onChange(await api.models.activate(m.id, m.version));
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="versions-heading">
      <h2 id="versions-heading">Versions</h2>
      {detail.versions.length === 0 ? (
        <p className="muted">Built into Candor; not stored in this workspace until it is activated.</p>
      ) : (
        <ul>
          {detail.versions.map((ver) => (
            <li key={ver.version}>
              <Link to={`/models/${m.id}?version=${ver.version}`}>Version {ver.version}</Link>
              {ver.active ? <span className="status status-scored"> active</span> : null}{' '}
              <span className="muted small">
                {ver.source === 'built-in' ? 'built-in' : 'imported'} {formatDateTime(ver.createdAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {user.role === 'admin' && !detail.active && (
        <p>
          <button type="button" className="button" disabled={busy} onClick={() => void activate()}>
            Make version {m.version} the active model for {m.target}
          </button>
        </p>
      )}
      {error && <p className="error">{error}</p>}
      {detail.active && (
        <p className="muted small">
          New analyses record this model&apos;s prediction. Re-score stored interviews with{' '}
          <code>candor rescore --job ID</code> or <code>POST /api/v1/jobs/:id/rescore</code>.
        </p>
      )}
      <p className="muted small">
        <button type="button" className="link-button small" onClick={() => navigate('/models')}>
          All models
        </button>
      </p>
    </section>
  );
}
