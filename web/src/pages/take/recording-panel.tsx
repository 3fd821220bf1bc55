import { useEffect, useState } from 'react';
import { formatClock } from '../../format';
import type { useAnswerRecording } from './use-answer-recording';

type Recording = ReturnType<typeof useAnswerRecording>;

/** Seconds at which the remaining answer time is announced to screen readers. */
const ANNOUNCE_AT = new Set([60, 30, 10]);

/**
 * The preparation countdown ("Start now" skips it), then the recording with its countdown, the
 * Stop button and how much of the answer is already saved on the server.
 */
export function RecordingPanel({
  recording,
  position,
  prepSeconds,
  answerSeconds,
  onType,
}: {
  recording: Recording;
  position: number;
  prepSeconds: number;
  answerSeconds: number;
  onType: (() => void) | null;
}) {
  const { phase, elapsed, progress, start, stop, save, reset } = recording;
  const [prepLeft, setPrepLeft] = useState(prepSeconds);

  // Preparation: count down, then start recording by itself.
  useEffect(() => {
    if (phase.kind !== 'idle' || prepSeconds === 0) return;
    if (prepLeft <= 0) {
      void start(position);
      return;
    }
    const timer = window.setTimeout(() => setPrepLeft((s) => s - 1), 1000);
    return () => window.clearTimeout(timer);
  }, [phase.kind, prepLeft, prepSeconds, position, start]);

  if (phase.kind === 'idle' || phase.kind === 'starting') {
    return (
      <div className="stack">
        {prepSeconds > 0 ? (
          <p className="take-timer take-timer-prep" aria-live="polite" data-testid="prep-timer">
            Recording starts in <strong>{formatClock(prepLeft)}</strong>. Take a moment to think.
          </p>
        ) : (
          <p>
            Take a moment to think, then start when you are ready. You have up to {formatClock(answerSeconds)}
            .
          </p>
        )}
        <div className="button-row take-actions">
          <button
            type="button"
            className="button primary take-button"
            disabled={phase.kind === 'starting'}
            onClick={() => void start(position)}
          >
            {phase.kind === 'starting' ? 'Starting…' : prepSeconds > 0 ? 'Start now' : 'Start recording'}
          </button>
          {onType && (
            <button type="button" className="button secondary take-button" onClick={onType}>
              Type your answer instead
            </button>
          )}
        </div>
      </div>
    );
  }

  if (phase.kind === 'failed') {
    return (
      <div className="stack">
        <div className="error" role="alert">
          <p>{phase.message}</p>
        </div>
        <div className="button-row take-actions">
          {phase.canResave ? (
            <button type="button" className="button primary take-button" onClick={() => void save()}>
              Try saving again
            </button>
          ) : (
            <button type="button" className="button primary take-button" onClick={reset}>
              Record again
            </button>
          )}
        </div>
      </div>
    );
  }

  const left = Math.max(0, Math.ceil(answerSeconds - elapsed));
  const recordingNow = phase.kind === 'recording';
  return (
    <div className="stack">
      <div className="take-recording" data-testid="recording">
        <span className={recordingNow ? 'take-rec-dot' : 'take-rec-dot idle'} aria-hidden="true" />
        <div
          className="take-timer"
          role="timer"
          aria-live="polite"
          aria-atomic="true"
          data-testid="answer-timer"
        >
          <span aria-hidden="true">{formatClock(left)}</span>
          <span className="visually-hidden">
            {!recordingNow
              ? 'Recording stopped.'
              : elapsed < 1
                ? `Recording. You have ${formatClock(answerSeconds)}.`
                : ANNOUNCE_AT.has(left)
                  ? `${left} seconds left.`
                  : ''}
          </span>
        </div>
        <span className="muted small">{recordingNow ? 'left to answer' : 'Saving your answer…'}</span>
      </div>
      <p
        className="take-upload small"
        role="status"
        data-testid="upload-status"
        data-saved-bytes={progress.savedBytes}
      >
        {progress.retrying
          ? `Connection lost; trying again… Saved up to ${formatClock(progress.savedSeconds)}.`
          : progress.savedBytes > 0
            ? `Saved up to ${formatClock(progress.savedSeconds)}`
            : 'Saving as you speak…'}
      </p>
      {recordingNow && (
        <button type="button" className="button take-button take-stop" onClick={stop}>
          Stop
        </button>
      )}
    </div>
  );
}
