import { useState, type FormEvent } from 'react';
import { api, type RankRow, type Task } from '../../api';
import { ErrorMessage } from '../../components/status';
import { TaskProgress } from '../../components/task-progress';
import { formatShare } from '../../format';
import { Link } from '../../router';
import { useTask } from '../../use-task';
import { FileStates, stateOfError, type FileState } from './upload-files';

type Source = 'transcript' | 'recordings';
/** Voices on a single recording of a whole interview: counted (`auto`) or a fixed number. */
type Voices = 'auto' | '1' | '2' | '3' | '4';

/**
 * Creates an interview for a candidate of the job, uploads its transcript or its answer
 * recordings, then starts the analysis and follows it live until the scorecard is ready.
 */
export function InterviewUpload({ rows, onChanged }: { rows: readonly RankRow[]; onChanged: () => void }) {
  const [applicationId, setApplicationId] = useState('');
  const [source, setSource] = useState<Source>('transcript');
  const [kind, setKind] = useState<'async' | 'live'>('live');
  const [voices, setVoices] = useState<Voices>('auto');
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [uploadFraction, setUploadFraction] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [interviewId, setInterviewId] = useState<string | null>(null);
  const [startedTask, setStartedTask] = useState<Task | null>(null);
  const [states, setStates] = useState<ReadonlyMap<string, FileState>>(new Map());
  const task = useTask(startedTask, onChanged);
  const setState = (name: string, state: FileState) =>
    setStates((before) => new Map(before).set(name, state));
  const allUploaded = files.length > 0 && files.every((f) => states.get(f.name)?.status === 'uploaded');
  const anyUploaded = files.some((f) => states.get(f.name)?.status === 'uploaded');

  const row = rows.find((r) => r.applicationId === applicationId) ?? null;
  const reset = () => {
    setInterviewId(null);
    setStartedTask(null);
    setError(null);
    setUploadFraction(null);
    setStates(new Map());
  };

  /** The interview to upload into: one without a scorecard yet (after a refused file), else a new one. */
  const interviewFor = async (chosen: RankRow): Promise<string> => {
    if (interviewId) return interviewId;
    const reusable = chosen.interviewId && !chosen.scorecardId ? chosen.interviewId : null;
    const id =
      reusable ??
      (await api.interviews.create(chosen.applicationId, source === 'recordings' ? 'async' : kind)).id;
    setInterviewId(id);
    return id;
  };

  const sendTranscript = async (id: string, file: File, candidateSpeaker?: string) => {
    setState(file.name, { status: 'uploading' });
    try {
      await api.interviews.uploadTranscript(id, await file.text(), file.name, candidateSpeaker);
      setState(file.name, { status: 'uploaded' });
    } catch (cause) {
      setState(file.name, stateOfError(cause));
    }
  };

  const upload = async (event: FormEvent) => {
    event.preventDefault();
    if (!row) return setError(new Error('Choose the candidate this interview belongs to.'));
    if (files.length === 0) return setError(new Error('Choose a file to upload.'));
    setBusy(true);
    setError(null);
    setStartedTask(null);
    try {
      const id = await interviewFor(row);
      if (source === 'transcript') {
        await sendTranscript(id, files[0]!);
      } else {
        // Each recording is uploaded on its own: a refused one does not stop the others.
        const pending = files.filter((f) => states.get(f.name)?.status !== 'uploaded');
        const total = pending.reduce((sum, f) => sum + f.size, 0);
        let done = 0;
        for (const file of pending) {
          setState(file.name, { status: 'uploading' });
          try {
            await api.interviews.uploadMedia(id, file, file.name, {}, (f) =>
              setUploadFraction((done + f * file.size) / Math.max(1, total)),
            );
            setState(file.name, { status: 'uploaded' });
          } catch (cause) {
            setState(file.name, stateOfError(cause));
          }
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

  const chooseSpeaker = async (file: File, speaker: string) => {
    if (!interviewId) return;
    setBusy(true);
    await sendTranscript(interviewId, file, speaker);
    setBusy(false);
    onChanged();
  };

  const analyse = async () => {
    if (!interviewId) return;
    setBusy(true);
    setError(null);
    try {
      // One recording is split into speakers on the server (auto); a chosen count overrides that.
      const oneTrack = source === 'recordings' && files.length === 1 && voices !== 'auto';
      setStartedTask(
        await api.interviews.analyze(interviewId, oneTrack ? { speakers: Number(voices) } : undefined),
      );
      onChanged();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  const accept = source === 'transcript' ? '.vtt,.srt,.json,.txt,.md,.csv,.tsv,text/*' : 'audio/*,video/*';
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
          </div>
          {source === 'recordings' && files.length === 1 && (
            <div className="field">
              <label htmlFor="interview-voices">Voices on the recording</label>
              <select
                id="interview-voices"
                value={voices}
                aria-describedby="interview-voices-hint"
                onChange={(e) => setVoices(e.target.value as Voices)}
              >
                <option value="auto">Count them (a whole interview on one track)</option>
                <option value="1">One (the candidate's answer alone)</option>
                <option value="2">Two</option>
                <option value="3">Three</option>
                <option value="4">Four</option>
              </select>
              <p className="hint" id="interview-voices-hint">
                A single recording is split into speakers; the scorecard shows the candidate's share of the
                talk.
              </p>
            </div>
          )}
          <FileStates
            files={files}
            states={states}
            busy={busy}
            onChooseSpeaker={(file, speaker) => void chooseSpeaker(file, speaker)}
          />
          {uploadFraction !== null && uploadFraction < 1 && (
            <div className="field">
              <progress aria-label="Upload progress" max={1} value={uploadFraction} />
              <span className="muted small">Uploading… {formatShare(uploadFraction)}</span>
            </div>
          )}
          {error !== null && <ErrorMessage error={error} />}
          <div className="button-row">
            <button
              type="submit"
              className="button primary"
              disabled={busy || files.length === 0 || allUploaded}
            >
              Upload
            </button>
            <button
              type="button"
              className="button secondary"
              disabled={busy || !allUploaded || (task !== null && task.status !== 'failed')}
              onClick={() => void analyse()}
            >
              Analyse
            </button>
          </div>
          {allUploaded && !task && !busy && (
            <p className="success" role="status">
              Uploaded. Start the analysis when all answers are in.
            </p>
          )}
          {!allUploaded && anyUploaded && !busy && (
            <p className="notice" role="status">
              Some files were not uploaded: remove or replace them (choose the files again), then upload.
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
