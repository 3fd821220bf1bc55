import { useCallback, useEffect, useRef, useState, type MutableRefObject } from 'react';
import { ApiError } from '../../api';
import { takeApi, type TakeState } from '../../api/take';
import { ErrorMessage } from '../../components/status';
import { formatClock } from '../../format';
import { RecordingPanel } from './recording-panel';
import { TypedAnswer } from './typed-answer';
import { useAnswerRecording } from './use-answer-recording';

/** What the candidate sees: a question to answer, or the answer just saved. */
type View =
  | { readonly kind: 'question'; readonly position: number; readonly typing: boolean }
  | { readonly kind: 'review'; readonly position: number };

function initialView(state: TakeState): View {
  if (state.retake !== null) return { kind: 'review', position: state.retake.position };
  if (state.current !== null) return { kind: 'question', position: state.current.position, typing: false };
  return { kind: 'review', position: state.questionCount - 1 };
}

/** One question at a time: prepare, record (uploaded as it records), review, retake or go on. */
export function QuestionStep({
  token,
  state,
  stream,
  note,
  onNoteSeen,
  onState,
  onLinkError,
}: {
  token: string;
  state: TakeState;
  stream: MutableRefObject<MediaStream | null>;
  note: string | null;
  onNoteSeen: () => void;
  onState: (state: TakeState) => void;
  onLinkError: (error: unknown) => void;
}) {
  const [view, setView] = useState<View>(() => initialView(state));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // The server names the current question's text and the one a retake is offered for.
  const texts = useRef(new Map<number, string>());
  if (state.current !== null) texts.current.set(state.current.position, state.current.text);
  if (state.retake !== null) texts.current.set(state.retake.position, state.retake.text);

  const saved = useCallback(
    (next: TakeState) => {
      onState(next);
      setView((v) => ({ kind: 'review', position: v.position }));
    },
    [onState],
  );
  const recording = useAnswerRecording({
    token,
    answerSeconds: state.terms.answerSeconds,
    stream,
    onSaved: saved,
    onLinkError,
  });

  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus({ preventScroll: true }), [view.kind, view.position]);

  const complete = async () => {
    setBusy(true);
    setError(null);
    try {
      onState(await takeApi.complete(token));
    } catch (cause) {
      if (cause instanceof ApiError && cause.status === 410) onLinkError(cause);
      else setError(cause);
    } finally {
      setBusy(false);
    }
  };

  const position = view.position;
  const count = state.questionCount;
  const answer = state.answers.find((a) => a.position === position);
  const text = texts.current.get(position) ?? null;
  const retake = state.retake?.position === position ? state.retake : null;
  const label = `Question ${position + 1} of ${count}`;

  return (
    <div className="stack take-stack">
      {note !== null && (
        <div className="notice take-note" role="status" data-testid="resume-note">
          <p>{note}</p>
          <button type="button" className="button secondary small" onClick={onNoteSeen}>
            Got it
          </button>
        </div>
      )}
      <ol className="take-progress" aria-label="Your progress">
        {state.answers.map((a) => (
          <li
            key={a.position}
            className={a.position === position ? 'current' : a.status === 'answered' ? 'done' : ''}
            aria-current={a.position === position ? 'step' : undefined}
          >
            <span className="visually-hidden">
              Question {a.position + 1}: {a.status === 'answered' ? 'answered' : 'not answered yet'}
            </span>
          </li>
        ))}
      </ol>
      <section
        className="card take-card stack"
        aria-labelledby="question-heading"
        data-testid="take-question"
      >
        <p className="eyebrow" data-testid="question-count">
          {label}
        </p>
        {view.kind === 'question' ? (
          <>
            <h1 id="question-heading" ref={heading} tabIndex={-1} className="take-question-text">
              {text ?? label}
            </h1>
            {view.typing ? (
              <TypedAnswer
                token={token}
                position={position}
                onSaved={saved}
                onCancel={() => setView({ ...view, typing: false })}
                onLinkError={onLinkError}
              />
            ) : (
              <RecordingPanel
                key={`${position}-${answer?.attemptsUsed ?? 0}`}
                recording={recording}
                position={position}
                prepSeconds={state.terms.prepSeconds}
                answerSeconds={state.terms.answerSeconds}
                onType={state.terms.textAnswers ? () => setView({ ...view, typing: true }) : null}
              />
            )}
          </>
        ) : (
          <>
            <h1 id="question-heading" ref={heading} tabIndex={-1}>
              {answer?.kind === 'text'
                ? 'Answer saved (typed)'
                : `Answer saved (${formatClock(Math.round(answer?.durationSeconds ?? 0))})`}
            </h1>
            {text !== null && <p className="muted take-question-echo">{text}</p>}
            {error !== null && <ErrorMessage error={error} />}
            <div className="button-row take-actions">
              {retake !== null && (
                <button
                  type="button"
                  className="button secondary take-button"
                  onClick={() => {
                    recording.reset();
                    setView({ kind: 'question', position, typing: false });
                  }}
                >
                  Retake ({retake.attemptsLeft} left)
                </button>
              )}
              {state.current !== null ? (
                <button
                  type="button"
                  className="button primary take-button"
                  onClick={() => {
                    recording.reset();
                    setView({
                      kind: 'question',
                      position: state.current?.position ?? position + 1,
                      typing: false,
                    });
                  }}
                >
                  Next question
                </button>
              ) : (
                <button
                  type="button"
                  className="button primary take-button"
                  disabled={busy}
                  onClick={() => void complete()}
                >
                  {busy ? 'Sending…' : 'Finish interview'}
                </button>
              )}
            </div>
            {retake !== null && (
              <p className="hint">
                A retake replaces this answer. Once you go to the next question, this one can no longer be
                changed.
              </p>
            )}
          </>
        )}
      </section>
    </div>
  );
}
