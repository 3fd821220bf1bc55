import { api } from '../../api';
import { Async } from '../../components/status';
import { ScoreBar } from '../../components/score-bar';
import { Link } from '../../router';
import { useApi } from '../../use-api';

/** The feedback of a practice answer: the overall score and, per competency, its score and advice. */
export function Feedback({ scorecardId }: { scorecardId: string }) {
  const state = useApi(() => api.scorecards.get(scorecardId), [scorecardId]);
  return (
    <section className="feedback-panel" aria-labelledby="feedback-heading" data-testid="feedback">
      <h3 id="feedback-heading">Your feedback</h3>
      <Async state={state} label="Loading feedback…">
        {({ scorecard: { body } }) => (
          <>
            <p className="feedback-overall">
              Overall{' '}
              <ScoreBar
                score={body.overall.score}
                confidence={body.overall.confidence}
                empty="not enough to score"
              />
            </p>
            {body.overall.reason && (
              <p className="notice">
                {body.overall.reason.replace(/\.$/, '')}. Try a longer answer: about a minute of speaking,
                with one concrete example.
              </p>
            )}
            <ul className="feedback-competencies">
              {body.competencies.map((c) => (
                <li key={c.id}>
                  <div className="feedback-head">
                    <strong>{c.name}</strong>
                    <ScoreBar score={c.score} empty="Insufficient evidence" />
                  </div>
                  {c.feedback.length > 0 ? (
                    <ul className="feedback">
                      {c.feedback.map((line) => (
                        <li key={line}>{line}</li>
                      ))}
                    </ul>
                  ) : (
                    c.reason && c.reason !== body.overall.reason && <p className="muted small">{c.reason}</p>
                  )}
                </li>
              ))}
            </ul>
            <p>
              <Link to={`/scorecards/${scorecardId}`}>
                See the full scorecard with quotes and measurements
              </Link>
            </p>
          </>
        )}
      </Async>
    </section>
  );
}
