import { useMemo, useState } from 'react';
import { api, type ScorecardView } from '../api';
import { Chart } from '../charts/chart';
import { competencyOption } from '../charts/options';
import { Async } from '../components/status';
import { formatDate, formatScore, formatShare } from '../format';
import { PageHeader } from '../page';
import { Link } from '../router';
import { DECIDERS, useUser } from '../session';
import { useApi } from '../use-api';
import { CompetencyDetails } from './scorecard/competency-details';
import { DecisionPanel } from './scorecard/decision-panel';
import { MediaTranscript, type EvidenceFocus } from './scorecard/media-transcript';
import { MeasurementsPanel } from './scorecard/measurements-panel';
import { ModelPanel } from './scorecard/model-panel';
import { QuestionSummary } from './scorecard/question-summary';
import { VersionsPanel } from './scorecard/versions-panel';
import { ConfidenceNote } from '../components/confidence-note';

/**
 * A scorecard: the overall recommendation, the interview question by question, a chart of the
 * competencies, each competency's signals and quotes, the recording and transcript the quotes
 * point into; the human decision in a side column that stays in view.
 */
export function ScorecardPage({ scorecardId }: { scorecardId: string }) {
  const state = useApi(() => api.scorecards.get(scorecardId), [scorecardId]);
  const view = state.data;
  const title = !view
    ? 'Scorecard'
    : view.candidate
      ? `${view.candidate.name} — scorecard`
      : view.interview.kind === 'practice'
        ? 'Practice answer — scorecard'
        : `${view.interview.title ?? 'Interview'} — scorecard`;
  return (
    <div className="page">
      <PageHeader title={title} eyebrow={state.data ? <Breadcrumb view={state.data} /> : undefined} />
      <Async state={state} label="Loading scorecard…">
        {(view) => <ScorecardBodyView view={view} />}
      </Async>
    </div>
  );
}

function Breadcrumb({ view }: { view: ScorecardView }) {
  const user = useUser();
  if (view.application && user.role !== 'candidate') {
    return (
      <nav aria-label="Breadcrumb">
        <Link to="/jobs">Jobs</Link> <span aria-hidden="true">/</span>{' '}
        <Link to={`/jobs/${view.application.jobId}`}>{view.scorecard.body.job?.title ?? 'Job'}</Link>
      </nav>
    );
  }
  if (user.role === 'candidate') {
    return (
      <nav aria-label="Breadcrumb">
        <Link to="/practice">Practice</Link>
      </nav>
    );
  }
  return <span>{view.interview.kind === 'practice' ? 'Practice session' : 'Interview'}</span>;
}

function ScorecardBodyView({ view }: { view: ScorecardView }) {
  const user = useUser();
  const body = view.scorecard.body;
  const [focus, setFocus] = useState<EvidenceFocus | null>(null);
  const option = useMemo(() => competencyOption(body.competencies), [body.competencies]);
  const scored = body.competencies.filter((c) => c.score !== null);
  const chartLabel =
    `Competency scores from 0 to 100: ` +
    body.competencies
      .map((c) => `${c.name} ${c.score === null ? 'insufficient evidence' : Math.round(c.score)}`)
      .join('; ');

  const decider = view.application !== null && view.application !== undefined && DECIDERS.includes(user.role);
  return (
    <>
      <div className={decider ? 'scorecard-top with-side' : 'scorecard-top'}>
        <div className="scorecard-main">
          <section className="card summary" aria-labelledby="summary-heading">
            <h2 id="summary-heading" className="visually-hidden">
              Summary
            </h2>
            <div className="summary-score">
              <div className="big-score" data-testid="overall-score">
                {body.overall.score === null ? (
                  <span className="big-score-none">No score</span>
                ) : (
                  <>
                    {formatScore(body.overall.score)}
                    <span className="big-score-max">/ 100</span>
                  </>
                )}
              </div>
              <div>
                <div className="summary-label">Recommended fit</div>
                <div className="muted small">
                  confidence {formatShare(body.overall.confidence)} · {scored.length} of{' '}
                  {body.competencies.length} competencies scored
                </div>
                {decider && (
                  <a className="skip-to-decision" href="#decision-heading">
                    Go to the decision
                  </a>
                )}
              </div>
            </div>
            <ConfidenceNote />
            <dl className="facts">
              {(view.candidate ?? body.input.candidate) && (
                <div>
                  <dt>Candidate</dt>
                  <dd>{view.candidate?.name ?? body.input.candidate}</dd>
                </div>
              )}
              {body.job && (
                <div>
                  <dt>Job</dt>
                  <dd>{body.job.title}</dd>
                </div>
              )}
              <div>
                <dt>{view.interview.kind === 'practice' ? 'Question' : 'Interview'}</dt>
                <dd>
                  {view.interview.title ?? 'Untitled'} · {formatDate(view.interview.createdAt)}
                </dd>
              </div>
              <div>
                <dt>Framework</dt>
                <dd>
                  {body.framework.name} {body.framework.version}
                </dd>
              </div>
              <div>
                <dt>Answers</dt>
                <dd>
                  {body.input.responses} {body.input.responses === 1 ? 'answer' : 'answers'} ·{' '}
                  {body.input.words} words
                </dd>
              </div>
              {body.input.recognition && (
                <div data-testid="recognition">
                  <dt>Speech recognition</dt>
                  <dd>
                    {body.input.recognition.quality} · mean word confidence{' '}
                    {body.input.recognition.meanConfidence.toFixed(2)}
                    {body.input.recognition.engine ? ` · ${body.input.recognition.engine}` : ''}
                  </dd>
                </div>
              )}
              {body.input.talkRatio !== undefined && body.input.speakers && (
                <div data-testid="talk-ratio">
                  <dt>Talk ratio</dt>
                  <dd>
                    candidate {formatShare(body.input.talkRatio)} of the speech ·{' '}
                    {body.input.speakers
                      .map((s) => `${s.label}${s.candidate ? ' (candidate)' : ''} ${Math.round(s.seconds)} s`)
                      .join(', ')}
                  </dd>
                </div>
              )}
            </dl>
            {body.overall.reason && <p className="notice">{body.overall.reason}</p>}
            {(body.warnings ?? [])
              .filter((warning) => warning !== body.overall.reason)
              .map((warning) => (
                <p className="notice" role="status" data-testid="scorecard-warning" key={warning}>
                  Warning: {warning}
                </p>
              ))}
            <p className="recommendation-note">
              These scores are recommendations drawn from the evidence below. A person reviews the evidence
              and decides.
            </p>
          </section>

          {view.interview.kind !== 'practice' && <VersionsPanel scorecardId={view.scorecard.id} />}
          <QuestionSummary view={view} />
          <section className="card" aria-labelledby="strengths-heading">
            <h2 id="strengths-heading" className="visually-hidden">
              Strengths and gaps
            </h2>
            <div className="grid-2 tight">
              <div>
                <h3>Strengths</h3>
                {body.strengths.length === 0 ? (
                  <p className="muted">None stand out yet.</p>
                ) : (
                  <ul className="tags">
                    {body.strengths.map((s) => (
                      <li key={s.id}>
                        {s.name} <span className="tag-score">{formatScore(s.score)}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
              <div>
                <h3>Gaps</h3>
                {body.gaps.length === 0 ? (
                  <p className="muted">No clear gaps.</p>
                ) : (
                  <ul className="tags">
                    {body.gaps.map((s) => (
                      <li key={s.id}>
                        {s.name} <span className="tag-score">{formatScore(s.score)}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            </div>
            {body.nextStep.question && (
              <div className="next-step">
                <h3>Suggested next question</h3>
                <p>“{body.nextStep.question}”</p>
                <p className="muted small">{body.nextStep.reason}</p>
              </div>
            )}
          </section>

          {body.model && (
            <ModelPanel
              model={body.model}
              onEvidence={(evidence) => setFocus({ evidence, nonce: Date.now() })}
            />
          )}

          <section className="card" aria-labelledby="chart-heading">
            <h2 id="chart-heading">Competencies</h2>
            <Chart
              option={option}
              label={chartLabel}
              testId="competency-chart"
              height={Math.max(160, body.competencies.length * 36 + 40)}
            />
          </section>

          {body.measurements && body.measurements.length > 0 && (
            <MeasurementsPanel
              measurements={body.measurements}
              onEvidence={(evidence) => setFocus({ evidence, nonce: Date.now() })}
            />
          )}

          <div className="evidence-layout">
            <div className="evidence-main">
              <CompetencyDetails
                competencies={body.competencies}
                activeQuote={focus?.evidence ?? null}
                onEvidence={(evidence) => setFocus({ evidence, nonce: Date.now() })}
              />
            </div>
            <aside className="evidence-side" aria-label="Recording and transcript">
              <MediaTranscript
                media={view.media}
                transcript={view.transcript}
                responses={view.responses}
                focus={focus}
              />
            </aside>
          </div>
        </div>
        {decider && view.application && (
          <aside className="scorecard-side" aria-label="Decision">
            <DecisionPanel
              applicationId={view.application.id}
              candidateName={view.candidate?.name ?? 'this candidate'}
            />
          </aside>
        )}
      </div>
    </>
  );
}
