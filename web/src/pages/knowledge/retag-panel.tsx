import { useState } from 'react';
import { ApiError, errorMessage, type Task } from '../../api';
import { knowledgeApi, type RetagSummary } from '../../api/knowledge';
import { TaskProgress } from '../../components/task-progress';
import { Link } from '../../router';
import { useTask } from '../../use-task';

const RETAG_WORDS: Record<Task['status'], string> = {
  queued: 'Waiting to start',
  running: 'Re-tagging',
  done: 'Re-tagging finished',
  failed: 'Re-tagging failed',
};

/** The id of the task a 409 names (another re-tag of the workspace already queued or running). */
function runningTaskOf(cause: unknown): string | null {
  if (!(cause instanceof ApiError) || cause.status !== 409) return null;
  const id = (cause.details as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : null;
}

/**
 * Applies the taxonomy to what is stored: `POST /knowledge/retag`, then the task's progress
 * (`3 of 40 interviews`) and the counts, each failure linked to its conversation. When a re-tag
 * is already running, the panel follows that one instead.
 */
export function RetagPanel({ edited }: { edited: boolean }) {
  const [started, setStarted] = useState<Task | null>(null);
  const [summary, setSummary] = useState<RetagSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const task = useTask(started, (finished) => {
    if (finished.status !== 'done') return;
    knowledgeApi.retag.get(finished.id).then(
      (answer) => setSummary(answer.summary),
      (cause: unknown) => setError(errorMessage(cause)),
    );
  });
  const busy = sending || task?.status === 'queued' || task?.status === 'running';

  const start = async () => {
    setSending(true);
    setError(null);
    setSummary(null);
    try {
      setStarted((await knowledgeApi.retag.start()).task);
    } catch (cause) {
      const running = runningTaskOf(cause);
      if (running === null) setError(errorMessage(cause));
      else setStarted((await knowledgeApi.retag.get(running).catch(() => null))?.task ?? null);
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="card retag-panel" aria-labelledby="retag-title" data-testid="retag-panel">
      <h2 id="retag-title">Stored conversations</h2>
      <p className="hint" id="retag-hint">
        {edited
          ? 'You changed the topics or tracked names: re-tag the stored conversations to apply the changes to them.'
          : 'Conversations keep the tags they were given when stored. Re-tag them to apply the current topics and names.'}
      </p>
      <div className="form-actions">
        <button
          type="button"
          className={`button ${edited ? 'primary' : 'secondary'}`}
          aria-describedby="retag-hint"
          disabled={busy}
          onClick={() => void start()}
        >
          {busy ? 'Re-tagging…' : 'Re-tag stored conversations'}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {task && (
        <TaskProgress
          task={task}
          label="Re-tagging progress"
          words={RETAG_WORDS}
          failedText="Re-tagging stopped. Try again; the server log says why."
        />
      )}
      {summary && <RetagResult summary={summary} />}
    </section>
  );
}

function RetagResult({ summary }: { summary: RetagSummary }) {
  const plural = (n: number) => `${n} conversation${n === 1 ? '' : 's'}`;
  return (
    <div className="retag-result">
      <p data-testid="retag-summary" role="status">
        {plural(summary.tagged)} re-tagged
        {summary.failed > 0 ? `, ${summary.failed} failed` : ''}
        {summary.skipped > 0 ? `, ${summary.skipped} practice skipped` : ''}.
      </p>
      {summary.failures.length > 0 && (
        <ul className="retag-failures" aria-label="Conversations that could not be re-tagged">
          {summary.failures.map((f) => (
            <li key={f.interviewId}>
              <Link to={`/interviews/${f.interviewId}`}>{f.interviewId}</Link>:{' '}
              <span className="error-text">{f.error}</span>
            </li>
          ))}
          {summary.failed > summary.failures.length && (
            <li className="muted">…and {summary.failed - summary.failures.length} more</li>
          )}
        </ul>
      )}
    </div>
  );
}
