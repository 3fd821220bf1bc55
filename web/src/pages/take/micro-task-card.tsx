import { useEffect, useRef, useState, type FormEvent } from 'react';
import { microTaskApi, type CandidateMicroTask } from '../../api/micro-tasks';
import { ErrorMessage } from '../../components/status';
import { longDate } from './finish-page';
import { deviceError, pickAudioType } from './media';

/**
 * The extra question the hiring team sent after the interview (a micro-task), on the same page as
 * the interview: typed (always allowed) or recorded in the browser, one answer only.
 */
export function MicroTaskCard({ token }: { token: string }) {
  const [task, setTask] = useState<CandidateMicroTask | null>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [recording, setRecording] = useState<{ recorder: MediaRecorder; startedAt: number } | null>(null);
  const chunks = useRef<Blob[]>([]);

  useEffect(() => {
    let live = true;
    microTaskApi
      .get(token)
      .then((r) => live && setTask(r.microTask))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [token]);

  if (task === null || task.status === 'revoked') return null;
  const send = async (call: () => Promise<{ microTask: CandidateMicroTask | null }>) => {
    setBusy(true);
    setError(null);
    try {
      setTask((await call()).microTask);
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send(() => microTaskApi.answerText(token, text));
  };
  const record = async () => {
    setError(null);
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      const type = pickAudioType();
      const recorder = new MediaRecorder(stream, type === undefined ? {} : { mimeType: type });
      chunks.current = [];
      recorder.ondataavailable = (e) => chunks.current.push(e.data);
      recorder.onstop = () => {
        stream.getTracks().forEach((t) => t.stop());
        const blob = new Blob(chunks.current, { type: recorder.mimeType });
        setRecording(null);
        void send(() => microTaskApi.answerRecording(token, blob));
      };
      recorder.start();
      setRecording({ recorder, startedAt: Date.now() });
      window.setTimeout(() => recorder.state === 'recording' && recorder.stop(), task.answerSeconds * 1000);
    } catch (cause) {
      setError(new Error(deviceError(cause)));
    }
  };

  return (
    <section className="card take-card" aria-labelledby="micro-task-heading" data-testid="micro-task">
      <h2 id="micro-task-heading">One more question</h2>
      {task.status === 'answered' ? (
        <p className="success" role="status" data-testid="micro-task-done">
          Thank you: your answer to the extra question was added to your interview. A person on the hiring
          team reads it with the rest.
        </p>
      ) : task.status === 'expired' ? (
        <p className="muted">
          The time to answer the extra question ended on {longDate(task.expiresAt.slice(0, 10))}.
        </p>
      ) : (
        <>
          <p className="muted small">
            The hiring team would like to hear a little more about <strong>{task.competencyName}</strong>. It
            is optional; answer until {longDate(task.expiresAt.slice(0, 10))}, by typing or recording (up to{' '}
            {Math.round(task.answerSeconds / 60)} minutes). You can answer once.
          </p>
          <p className="take-question-text" data-testid="micro-task-question">
            {task.question}
          </p>
          <form className="stack" onSubmit={submit} aria-busy={busy}>
            <div className="field">
              <label htmlFor="micro-task-answer">Your answer</label>
              <textarea
                id="micro-task-answer"
                rows={7}
                maxLength={20000}
                value={text}
                disabled={busy || recording !== null}
                onChange={(e) => setText(e.target.value)}
              />
            </div>
            {error !== null && <ErrorMessage error={error} />}
            <div className="button-row take-actions">
              <button
                type="submit"
                className="button primary take-button"
                disabled={busy || recording !== null || text.trim() === ''}
              >
                {busy ? 'Saving…' : 'Send typed answer'}
              </button>
              {recording === null ? (
                <button
                  type="button"
                  className="button secondary take-button"
                  disabled={busy}
                  onClick={() => void record()}
                >
                  Record instead
                </button>
              ) : (
                <button
                  type="button"
                  className="button secondary take-button"
                  onClick={() => recording.recorder.stop()}
                >
                  Stop and send recording
                </button>
              )}
            </div>
          </form>
        </>
      )}
    </section>
  );
}
