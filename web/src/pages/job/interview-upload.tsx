import { useState, type FormEvent } from 'react';
import { api, type RankRow, type Task } from '../../api';
import { ErrorMessage } from '../../components/status';
import { TaskProgress } from '../../components/task-progress';
import { formatBytes, formatShare } from '../../format';
import { Link } from '../../router';
import { useTask } from '../../use-task';

type Source = 'transcript' | 'recordings';

/**
 * Creates an interview for a candidate of the job, uploads its transcript or its answer
 * recordings, then starts the analysis and follows it live until the scorecard is ready.
 */
export function InterviewUpload({ rows, onChanged }: { rows: readonly RankRow[]; onChanged: () => void }) {
  const [applicationId, setApplicationId] = useState('');
  const [source, setSource] = useState<Source>('transcript');
  const [kind, setKind] = useState<'async' | 'live'>('live');
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [uploadFraction, setUploadFraction] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [interviewId, setInterviewId] = useState<string | null>(null);
  const [startedTask, setStartedTask] = useState<Task | null>(null);
  const task = useTask(startedTask, onChanged);

  const row = rows.find((r) => r.applicationId === applicationId) ?? null;
  const reset = () => {
    setInterviewId(null);
    setStartedTask(null);
    setError(null);
    setUploadFraction(null);
  };

  const upload = async (event: FormEvent) => {
    event.preventDefault();
    if (!row) return setError(new Error('Choose the candidate this interview belongs to.'));
    if (files.length === 0) return setError(new Error('Choose a file to upload.'));
    setBusy(true);
    setError(null);
    setStartedTask(null);
    try {
      // Re-use an interview that has no scorecard yet (e.g. after a failed upload); else start a new one.
      const reusable = row.interviewId && !row.scorecardId ? row.interviewId : null;
      const id =
        reusable ??
        (await api.interviews.create(row.applicationId, source === 'recordings' ? 'async' : kind)).id;
      setInterviewId(id);
      if (source === 'transcript') {
        const file = files[0]!;
        await api.interviews.uploadTranscript(id, await file.text(), file.name);
      } else {
        const total = files.reduce((sum, f) => sum + f.size, 0);
        let done = 0;
        for (const file of files) {
          await api.interviews.uploadMedia(id, file, file.name, {}, (f) =>
            setUploadFraction((done + f * file.size) / Math.max(1, total)),
          );
          done += file.size;
        }
        setUploadFraction(1);
      }
      onChanged();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  const analyse = async () => {
    if (!interviewId) return;
    setBusy(true);
    setError(null);
    try {
      setStartedTask(await api.interviews.analyze(interviewId));
      onChanged();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  const accept = source === 'transcript' ? '.vtt,.srt,.json,.txt,.md,text/*' : 'audio/*,video/*';
  return (
    <section className="card" aria-labelledby="add-interview">
      <h2 id="add-interview">Add an interview</h2>
      {rows.length === 0 ? (
        <p className="muted">Add a candidate first; then upload their interview here.</p>
      ) : (
        <form className="stack" onSubmit={(e) => void upload(e)} aria-busy={busy}>
          <div className="field">
            <label htmlFor="interview-candidate">Candidate</label>
            <select
              id="interview-candidate"
              required
              value={applicationId}
              onChange={(e) => {
                setApplicationId(e.target.value);
                reset();
              }}
            >
              <option value="">Choose a candidate…</option>
              {rows.map((r) => (
                <option key={r.applicationId} value={r.applicationId}>
                  {r.candidateName}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="field">
            <legend>What are you uploading?</legend>
            <label className="choice">
              <input
                type="radio"
                name="interview-source"
                value="transcript"
                checked={source === 'transcript'}
                onChange={() => {
                  setSource('transcript');
                  setFiles([]);
                  reset();
                }}
              />
              A transcript (WebVTT, SRT, JSON or text)
            </label>
            <label className="choice">
              <input
                type="radio"
                name="interview-source"
                value="recordings"
                checked={source === 'recordings'}
                onChange={() => {
                  setSource('recordings');
                  setFiles([]);
                  reset();
                }}
              />
              Answer recordings (audio or video, one file per answer)
            </label>
          </fieldset>
          {source === 'transcript' && (
            <div className="field">
              <label htmlFor="interview-kind">Interview kind</label>
              <select
                id="interview-kind"
                value={kind}
                onChange={(e) => setKind(e.target.value as 'async' | 'live')}
              >
                <option value="live">Live interview (interviewer and candidate)</option>
                <option value="async">Async answers (candidate only)</option>
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor="interview-files">
              {source === 'transcript' ? 'Transcript file' : 'Recording files'}
            </label>
            <input
              key={source}
              id="interview-files"
              type="file"
              accept={accept}
              multiple={source === 'recordings'}
              aria-describedby="interview-files-hint"
              onChange={(e) => {
                const chosen = Array.from(e.target.files ?? []);
                chosen.sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
                setFiles(chosen);
                reset();
              }}
            />
            <p className="hint" id="interview-files-hint">
              {source === 'transcript'
                ? 'Exported from Zoom, Teams or Meet, or a text file with “Name: …” lines.'
                : 'Answers are numbered in file-name order.'}
            </p>
            {source === 'recordings' && files.length > 0 && (
              <ol className="file-list">
                {files.map((f) => (
                  <li key={f.name}>
                    {f.name} <span className="muted">({formatBytes(f.size)})</span>
                  </li>
                ))}
              </ol>
            )}
          </div>
          {uploadFraction !== null && uploadFraction < 1 && (
            <div className="field">
              <progress aria-label="Upload progress" max={1} value={uploadFraction} />
              <span className="muted small">Uploading… {formatShare(uploadFraction)}</span>
            </div>
          )}
          {error !== null && <ErrorMessage error={error} />}
          <div className="button-row">
            <button type="submit" className="button primary" disabled={busy || files.length === 0}>
              Upload
            </button>
            <button
              type="button"
              className="button secondary"
              disabled={busy || !interviewId || (task !== null && task.status !== 'failed')}
              onClick={() => void analyse()}
            >
              Analyse
            </button>
          </div>
          {interviewId && !task && !busy && (
            <p className="success" role="status">
              Uploaded. Start the analysis when all answers are in.
            </p>
          )}
          {task && <TaskProgress task={task} />}
          {task?.status === 'done' && task.result && (
            <p>
              <Link to={`/scorecards/${task.result.scorecardId}`}>Open the scorecard</Link>
            </p>
          )}
        </form>
      )}
    </section>
  );
}
