import { useState, type FormEvent } from 'react';
import { takeApi, type TakeState } from '../../api/take';
import { ErrorMessage } from '../../components/status';
import { formatClock } from '../../format';

const deadlineFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** Seconds as words: `120` → `2 minutes`, `90` → `1:30 minutes`, `45` → `45 seconds`. */
export function durationWords(seconds: number): string {
  if (seconds < 60) return `${seconds} seconds`;
  if (seconds % 60 === 0) return seconds === 60 ? '1 minute' : `${seconds / 60} minutes`;
  return `${formatClock(seconds)} minutes`;
}

/** The notice the candidate reads and agrees to before anything is recorded. */
export function NoticeStep({
  token,
  state,
  onConsented,
  onError,
}: {
  token: string;
  state: TakeState;
  onConsented: (state: TakeState) => void;
  onError: (error: unknown) => void;
}) {
  const [agreed, setAgreed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { terms } = state;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!agreed) return;
    setBusy(true);
    setError(null);
    try {
      onConsented(await takeApi.consent(token, state.notice.version));
    } catch (cause) {
      if (cause instanceof Error && 'status' in cause && cause.status === 410) onError(cause);
      else setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="stack take-stack" data-testid="take-notice">
      <section className="card take-card" aria-labelledby="notice-heading">
        <h1 id="notice-heading">Hello {state.candidateName}, welcome to your interview</h1>
        <p>
          You will answer {state.questionCount} questions, one at a time, by recording your voice. Please read
          how it works and how your answers are used before you start.
        </p>
        <dl className="take-terms" aria-label="Interview terms">
          <div>
            <dt>Questions</dt>
            <dd>{state.questionCount}</dd>
          </div>
          <div>
            <dt>Time per answer</dt>
            <dd>up to {durationWords(terms.answerSeconds)}</dd>
          </div>
          <div>
            <dt>Time to prepare</dt>
            <dd>{terms.prepSeconds > 0 ? durationWords(terms.prepSeconds) : 'start when you are ready'}</dd>
          </div>
          <div>
            <dt>Retakes</dt>
            <dd>{terms.retakes === 0 ? 'none' : `${terms.retakes} per question`}</dd>
          </div>
          <div>
            <dt>Deadline</dt>
            <dd>{deadlineFormat.format(new Date(terms.expiresAt))}</dd>
          </div>
          {terms.textAnswers && (
            <div>
              <dt>Typed answers</dt>
              <dd>allowed instead of recording</dd>
            </div>
          )}
        </dl>
      </section>
      <section className="card take-card" aria-labelledby="notice-sections">
        <h2 id="notice-sections">Before you start</h2>
        {state.notice.sections.map((section) => (
          <div key={section.title} className="take-notice-section">
            <h3>{section.title}</h3>
            {section.text.split('\n\n').map((paragraph, i) => (
              <p key={i}>{paragraph}</p>
            ))}
          </div>
        ))}
        <form className="stack" onSubmit={(e) => void submit(e)} aria-busy={busy}>
          <label className="choice take-agree">
            <input type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} />
            <span>I have read this notice and agree</span>
          </label>
          {error !== null && <ErrorMessage error={error} />}
          <button type="submit" className="button primary take-button" disabled={!agreed || busy}>
            {busy ? 'Starting…' : 'Start'}
          </button>
        </form>
      </section>
    </div>
  );
}
