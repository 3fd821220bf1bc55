import { api, type RatingForm } from '../api';
import { Async, EmptyState } from '../components/status';
import { PageHeader } from '../page';
import { Link } from '../router';
import { useApi } from '../use-api';
import { BlindRatingForm } from './rate/rating-form';

/**
 * Rating an interview blind: the questions and what was said, and a form for the rater's own
 * judgement. The page reads only the blind rating form, so no score, fit, signal or strength
 * Candor computed can reach it.
 */
export function RatePage({ interviewId, jobId }: { interviewId: string; jobId: string | null }) {
  const form = useApi(() => api.ratings.form(interviewId), [interviewId]);
  const title = form.data?.interview.title;
  return (
    <div className="page">
      <PageHeader
        title={title ? `Rate blind — ${title}` : 'Rate blind'}
        eyebrow={
          <nav aria-label="Breadcrumb">
            {jobId ? (
              <Link to={`/jobs/${encodeURIComponent(jobId)}`}>Back to the job</Link>
            ) : (
              <Link to="/">Home</Link>
            )}
          </nav>
        }
      >
        <p className="muted">
          Candor’s scores are hidden on this page so your judgement is your own. Read the answers, then{' '}
          <a href="#rate-form">rate</a>.
        </p>
      </PageHeader>
      <Async state={form} label="Loading the interview…">
        {(data) => (
          <div className="rate-layout">
            <Answers form={data} />
            <section className="card rate-panel" aria-labelledby="rate-heading">
              <h2 id="rate-heading">Your rating</h2>
              <BlindRatingForm form={data} onSaved={form.reload} />
            </section>
          </div>
        )}
      </Async>
    </div>
  );
}

function Answers({ form }: { form: RatingForm }) {
  return (
    <section className="card" aria-labelledby="answers-heading" data-testid="rate-answers">
      <h2 id="answers-heading">
        What was asked and said{form.answers.length > 0 ? ` (${form.answers.length} answers)` : ''}
      </h2>
      {form.answers.length === 0 ? (
        <EmptyState title="No transcript yet">
          This interview has no transcript to read. Upload one, or rate from a recording you watched.
        </EmptyState>
      ) : (
        <ol className="rate-answers">
          {form.answers.map((answer) => (
            <li key={answer.number}>
              <h3>
                Answer {answer.number}
                {answer.question && <span className="rate-question">{answer.question}</span>}
              </h3>
              {answer.turns.map((turn, i) => (
                <p key={i} className="rate-turn">
                  {turn.speaker && <span className="segment-speaker">{turn.speaker}: </span>}
                  {turn.text}
                </p>
              ))}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
