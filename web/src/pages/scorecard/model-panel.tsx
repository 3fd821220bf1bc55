import { useMemo } from 'react';
import type { ScorecardEvidence, ScorecardModel } from '../../api';
import { Chart } from '../../charts/chart';
import { contributionsOption } from '../../charts/model-options';
import { formatValue } from '../../format';
import { EvidenceCell } from './evidence-cell';
import { Link } from '../../router';
import { RECRUITERS, useUser } from '../../session';
import { figure, verdictWords } from '../models/model-words';

/**
 * The trained model's prediction, labelled as the model's and shown beside the framework's
 * scores: which model, how well it agreed with raters, and each feature's contribution next to
 * its value and the quotes behind it.
 */
export function ModelPanel({
  model: m,
  onEvidence,
}: {
  model: ScorecardModel;
  onEvidence: (evidence: ScorecardEvidence) => void;
}) {
  const user = useUser();
  const option = useMemo(() => contributionsOption(m.contributions), [m.contributions]);
  const p = m.prediction;
  const name = RECRUITERS.includes(user.role) ? <Link to={`/models/${m.id}`}>{m.name}</Link> : m.name;
  const label =
    `The model's prediction, ${p.onScale.toFixed(1)} on ${p.scale.min} to ${p.scale.max}, by feature: ` +
    m.contributions
      .map(
        (c) =>
          `${c.name} ${c.points > 0 ? 'plus' : c.points < 0 ? 'minus' : ''} ${Math.abs(c.points).toFixed(1)} points`,
      )
      .join('; ');
  return (
    <section className="card model-panel" aria-labelledby="model-heading" data-testid="model-panel">
      <h2 id="model-heading">Trained model&apos;s prediction</h2>
      <div className="summary-score">
        <div className="big-score" data-testid="model-score">
          {p.onScale.toFixed(1)}
          <span className="big-score-max">
            on {p.scale.min}–{p.scale.max}
          </span>
        </div>
        <div>
          <div className="summary-label">
            {m.target} · {p.score.toFixed(0)} / 100
          </div>
          <div className="muted small">
            {name} · version {m.version}
          </div>
        </div>
      </div>
      <p className={m.validation.passes ? 'success' : 'notice'}>
        <strong>{m.validation.passes ? 'Passes' : 'Does not pass'}</strong> (cross-validated r ={' '}
        {figure(m.validation.r)}, 95% CI {figure(m.validation.ci[0])} to {figure(m.validation.ci[1])}).{' '}
        {verdictWords(m.validation.passes, m.validation.threshold)}
      </p>
      <p className="muted small">Trained on: {m.population}</p>
      <h3>What moved the prediction</h3>
      <Chart
        option={option}
        height={Math.max(140, m.contributions.length * 28 + 40)}
        label={label}
        testId="model-contributions"
      />
      <div
        className="table-wrap"
        tabIndex={0}
        role="group"
        aria-label="Table (scrolls sideways on a narrow screen)"
      >
        <table className="signals" data-testid="model-contribution-table">
          <caption className="visually-hidden">
            Each feature&apos;s contribution to the model&apos;s prediction
          </caption>
          <thead>
            <tr>
              <th scope="col">Feature</th>
              <th scope="col" className="num">
                Value
              </th>
              <th scope="col" className="num">
                Training mean
              </th>
              <th scope="col" className="num">
                Contribution
              </th>
              <th scope="col">Evidence</th>
            </tr>
          </thead>
          <tbody>
            {m.contributions.map((c) => (
              <tr key={c.signal}>
                <th scope="row">{c.name}</th>
                <td className="num">{c.value === null ? 'not measured' : formatValue(c.value, c.unit)}</td>
                <td className="num">{formatValue(c.mean, c.unit)}</td>
                <td className="num nowrap">
                  {c.points > 0 ? '+' : c.points < 0 ? '−' : ''}
                  {Math.abs(c.points).toFixed(1)}
                  <span className="muted"> pts</span>
                </td>
                <td>
                  <EvidenceCell evidence={c.evidence} onEvidence={onEvidence} quoted />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">
        Contribution: weight × (value − training mean) ÷ SD, in points of the model&apos;s 0–100 prediction. A
        feature not measured counts as the training mean. This is the model&apos;s reading of the interview,
        not the framework&apos;s; a person decides.
      </p>
    </section>
  );
}
