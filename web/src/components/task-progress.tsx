import type { Task } from '../api';
import { formatShare } from '../format';

const STATUS_WORDS: Record<Task['status'], string> = {
  queued: 'Waiting for a worker',
  running: 'Analysing',
  done: 'Analysis finished',
  failed: 'Analysis failed',
};

/**
 * The live state of a task (an analysis unless `words` says otherwise): a progress bar, the stage
 * it is in, and errors in words.
 */
export function TaskProgress({
  task,
  label = 'Analysis progress',
  words = STATUS_WORDS,
  failedText = 'The analysis failed. Check the uploaded files and try again.',
}: {
  task: Task;
  label?: string;
  /** What each status reads as: `Re-tagging` rather than `Analysing`. */
  words?: Readonly<Record<Task['status'], string>>;
  /** Shown when the task failed without saying why. */
  failedText?: string;
}) {
  const fraction = task.progress?.fraction ?? null;
  const value = task.status === 'done' ? 1 : fraction;
  const stage = task.progress?.message ?? task.progress?.stage;
  return (
    <div className="task" data-testid="task-progress" data-status={task.status}>
      <div className="task-line" aria-live="polite">
        <strong>{words[task.status]}</strong>
        {task.status !== 'done' && task.status !== 'failed' && stage ? <span> · {stage}</span> : null}
        {task.status === 'running' && fraction !== null ? <span> · {formatShare(fraction)}</span> : null}
        {task.attempts > 1 && task.status !== 'done' ? (
          <span className="muted">
            {' '}
            (attempt {task.attempts} of {task.maxAttempts})
          </span>
        ) : null}
      </div>
      {task.status !== 'failed' && (
        <progress
          aria-label={label}
          max={1}
          {...(value === null ? {} : { value })}
          aria-busy={task.status === 'queued' || task.status === 'running'}
        />
      )}
      {task.status === 'failed' && (
        <p className="error" role="alert">
          {task.lastError ?? failedText}
        </p>
      )}
    </div>
  );
}
