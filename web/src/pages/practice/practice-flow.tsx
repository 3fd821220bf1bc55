import { useEffect, useRef, useState } from 'react';
import { api, type Interview, type PracticeCoaching, type Question, type Task } from '../../api';
import { ErrorMessage } from '../../components/status';
import { TaskProgress } from '../../components/task-progress';
import { formatClock, formatShare } from '../../format';
import { useTask } from '../../use-task';
import { AttemptComparison } from './attempt-comparison';
import { CoachedTranscript } from './coached-transcript';
import { Feedback } from './feedback';
import { canRecord, MAX_SECONDS, useRecorder } from './use-recorder';

type Mode = 'record' | 'type';

/**
 * One practice answer from start to feedback in one step: stopping the recording (or choosing Get
 * feedback for a typed answer) uploads it to a new practice interview and analyses it; the
 * feedback shows the answer marked for fillers, hedges and long pauses. Try again answers the
 * same question anew and compares the two attempts side by side.
 */
export function PracticeFlow({
  questionSetId,
  question,
  onScored,
}: {
  questionSetId: string;
  question: Question;
  onScored: () => void;
}) {
  const recorder = useRecorder();
  const [mode, setMode] = useState<Mode>(canRecord() ? 'record' : 'type');
  const [camera, setCamera] = useState(false);
  const [text, setText] = useState('');
  const [interview, setInterview] = useState<Interview | null>(null);
  const [uploadFraction, setUploadFraction] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [started, setStarted] = useState<Task | null>(null);
  const task = useTask(started, (t) => t.status === 'done' && onScored());
  const [coaching, setCoaching] = useState<PracticeCoaching | null>(null);
  const [previous, setPrevious] = useState<PracticeCoaching | null>(null);
  const sent = useRef<Blob | null>(null);
  const scorecardId = task?.status === 'done' ? (task.result?.scorecardId ?? null) : null;
  useEffect(() => {
    if (!scorecardId || !interview) return;
    let live = true;
    api.practice
      .coaching(interview.id)
      .then((c) => live && setCoaching(c))
      .catch((cause: unknown) => live && setError(cause));
    return () => {
      live = false;
    };
  }, [scorecardId, interview]);
  const preview = useRef<HTMLVideoElement>(null);
  const { state } = recorder;

  // A new answer (re-recorded, retyped, another question) needs a new upload.
  const clearUpload = () => {
    setInterview(null);
    setStarted(null);
    setUploadFraction(null);
    setError(null);
    setCoaching(null);
  };

  useEffect(() => {
    if (preview.current && state.phase === 'recording') preview.current.srcObject = state.stream;
  }, [state]);

  const hasAnswer = mode === 'record' ? state.phase === 'recorded' : text.trim().length > 0;

  /** Uploads the answer to a new practice session and starts its analysis: one step. */
  const submit = async () => {
    setBusy(true);
    setError(null);
    setStarted(null);
    setCoaching(null);
    try {
      const created = await api.practice.start(questionSetId, question.id);
      if (mode === 'record') {
        if (state.phase !== 'recorded') throw new Error('Record an answer first.');
        setUploadFraction(0);
        await api.interviews.uploadMedia(
          created.id,
          state.blob,
          state.fileName,
          { questionId: question.id, position: 0 },
          setUploadFraction,
        );
      } else {
        await api.interviews.uploadTranscript(created.id, text.trim(), 'answer.txt');
      }
      setInterview(created);
      setUploadFraction(null);
      setStarted(await api.interviews.analyze(created.id));
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
      setUploadFraction(null);
    }
  };

  // A recording is sent for feedback as soon as it stops, once per recording.
  useEffect(() => {
    if (state.phase !== 'recorded' || sent.current === state.blob) return;
    sent.current = state.blob;
    void submit();
  }, [state]);

  const tryAgain = () => {
    if (coaching) setPrevious(coaching);
    recorder.reset();
    setText('');
    clearUpload();
  };

  const recording = state.phase === 'recording' || state.phase === 'starting';
  return (
    <div className="stack">
      {mode === 'record' ? (
        <div className="recorder" aria-busy={state.phase === 'starting'}>
          <label className="choice">
            <input
              type="checkbox"
              checked={camera}
              disabled={recording}
              onChange={(e) => setCamera(e.target.checked)}
            />
            Use the camera too
          </label>
          <p className="hint">
            Audio only by default. With the camera on, Candor reports observable behaviour such as facing the
            camera; it never judges emotions.
          </p>
          {state.phase === 'recording' && camera && (
            <video
              ref={preview}
              className="camera-preview"
              autoPlay
              muted
              playsInline
              aria-label="Camera preview"
            />
          )}
          <div className="recorder-controls">
            {recording ? (
              <button
                type="button"
                className="button primary"
                onClick={recorder.stop}
                disabled={state.phase === 'starting'}
              >
                <span className="stop-icon" aria-hidden="true" />
                Stop
              </button>
            ) : (
              <button
                type="button"
                className="button primary"
                onClick={() => {
                  clearUpload();
                  void recorder.start(camera);
                }}
              >
                <span className="record-icon" aria-hidden="true" />
                {state.phase === 'recorded' ? 'Record again' : 'Record'}
              </button>
            )}
            <span className="timer" role="timer" aria-label="Recording time" data-testid="timer">
              {state.phase === 'recording' && <span className="rec-dot" aria-hidden="true" />}
              {formatClock(state.phase === 'recorded' ? state.seconds : recorder.elapsed)}
              <span className="muted"> / {formatClock(MAX_SECONDS)}</span>
            </span>
          </div>
          <p className="visually-hidden" aria-live="polite">
            {state.phase === 'recording'
              ? 'Recording started.'
              : state.phase === 'recorded'
                ? 'Recording stopped.'
                : ''}
          </p>
          {state.phase === 'error' && (
            <p className="error" role="alert">
              {state.message}
            </p>
          )}
          {state.phase === 'recorded' &&
            (state.blob.type.startsWith('video') ? (
              <video src={state.url} controls className="camera-preview" aria-label="Your recorded answer" />
            ) : (
              <audio src={state.url} controls aria-label="Your recorded answer" />
            ))}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              recorder.reset();
              clearUpload();
              setMode('type');
            }}
          >
            Type your answer instead
          </button>
        </div>
      ) : (
        <div className="stack">
          <div className="field">
            <label htmlFor="typed-answer">Your answer</label>
            <textarea
              id="typed-answer"
              rows={8}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                if (interview) clearUpload();
              }}
              aria-describedby="typed-answer-hint"
            />
            <p className="hint" id="typed-answer-hint">
              Write it the way you would say it. Timing and voice are not measured for typed answers.
            </p>
          </div>
          {canRecord() && (
            <button
              type="button"
              className="link-button"
              onClick={() => {
                clearUpload();
                setMode('record');
              }}
            >
              Record your answer instead
            </button>
          )}
        </div>
      )}

      {uploadFraction !== null && (
        <div className="field">
          <progress aria-label="Upload progress" max={1} value={uploadFraction} />
          <span className="muted small">Uploading… {formatShare(uploadFraction)}</span>
        </div>
      )}
      {error !== null && <ErrorMessage error={error} />}
      {mode === 'type' && (
        <div className="button-row">
          <button
            type="button"
            className="button primary"
            disabled={!hasAnswer || busy || interview !== null}
            onClick={() => void submit()}
          >
            Get feedback
          </button>
        </div>
      )}
      {previous && !coaching && (
        <p className="notice" role="status">
          Attempt 2 at this question: your first attempt is kept for the comparison.
        </p>
      )}
      {task && <TaskProgress task={task} label="Feedback progress" />}
      {task?.status === 'done' && task.result && <Feedback scorecardId={task.result.scorecardId} />}
      {coaching && <CoachedTranscript coaching={coaching} />}
      {coaching && previous && <AttemptComparison first={previous} second={coaching} />}
      {coaching && (
        <div className="button-row">
          <button type="button" className="button secondary" onClick={tryAgain}>
            Try again
          </button>
          <span className="muted small">Answer the same question again and compare the two attempts.</span>
        </div>
      )}
    </div>
  );
}
