import { useEffect, useRef, useState } from 'react';
import { api, type Interview, type Question, type Task } from '../../api';
import { ErrorMessage } from '../../components/status';
import { TaskProgress } from '../../components/task-progress';
import { formatClock, formatShare } from '../../format';
import { useTask } from '../../use-task';
import { Feedback } from './feedback';
import { canRecord, MAX_SECONDS, useRecorder } from './use-recorder';

type Mode = 'record' | 'type';

/**
 * One practice answer from start to feedback: record it (or type it), upload it to a new practice
 * interview, analyse it, and show the feedback as soon as the scorecard exists.
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
  const preview = useRef<HTMLVideoElement>(null);
  const { state } = recorder;

  // A new answer (re-recorded, retyped, another question) needs a new upload.
  const clearUpload = () => {
    setInterview(null);
    setStarted(null);
    setUploadFraction(null);
    setError(null);
  };

  useEffect(() => {
    if (preview.current && state.phase === 'recording') preview.current.srcObject = state.stream;
  }, [state]);

  const hasAnswer = mode === 'record' ? state.phase === 'recorded' : text.trim().length > 0;

  const upload = async () => {
    setBusy(true);
    setError(null);
    setStarted(null);
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
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
      setUploadFraction(null);
    }
  };

  const analyse = async () => {
    if (!interview) return;
    setBusy(true);
    setError(null);
    try {
      setStarted(await api.interviews.analyze(interview.id));
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
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
      <div className="button-row">
        <button
          type="button"
          className="button primary"
          disabled={!hasAnswer || busy || interview !== null || recording}
          onClick={() => void upload()}
        >
          Upload
        </button>
        <button
          type="button"
          className="button primary"
          disabled={!interview || busy || (task !== null && task.status !== 'failed')}
          onClick={() => void analyse()}
        >
          Analyse
        </button>
      </div>
      {interview && !task && (
        <p className="success" role="status">
          Your answer is uploaded. Choose Analyse to get feedback.
        </p>
      )}
      {task && <TaskProgress task={task} label="Feedback progress" />}
      {task?.status === 'done' && task.result && <Feedback scorecardId={task.result.scorecardId} />}
    </div>
  );
}
