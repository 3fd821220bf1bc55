import { useRef, useState, type FormEvent } from 'react';
import { errorMessage, type Task } from '../../api';
import { knowledgeApi, type ImportFileResult, type ImportSummary } from '../../api/knowledge-search';
import { formatShare } from '../../format';
import { PageHeader } from '../../page';
import { Link } from '../../router';
import { useTask } from '../../use-task';
import { KnowledgeTabs } from './knowledge-tabs';

const KINDS = ['customer', 'exit', 'research', 'sales'] as const;
const META = [
  ['account', 'Account', 'Acme Corp'],
  ['segment', 'Segment', 'Enterprise'],
  ['role', 'Their role', 'VP Sales'],
  ['outcome', 'Outcome', 'won, churned…'],
] as const;

interface Chosen {
  readonly file: File;
  /** The path inside the chosen folder (`calls/acme.vtt`), or the file's name. */
  readonly name: string;
}

const STATUS_LABEL: Record<ImportFileResult['status'], string> = {
  imported: 'Imported',
  'skipped-duplicate': 'Duplicate',
  failed: 'Failed',
};

/**
 * `/knowledge/import`: choose transcripts or a whole folder, the kind and metadata they share,
 * send them; a progress bar while they upload and import, then every file's result.
 */
export function KnowledgeImportPage() {
  const [files, setFiles] = useState<readonly Chosen[]>([]);
  const [kind, setKind] = useState<string>('customer');
  const [meta, setMeta] = useState<Record<string, string>>({});
  const [uploaded, setUploaded] = useState<number | null>(null);
  const [started, setStarted] = useState<Task | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const task = useTask(started, (finished) => {
    if (finished.status !== 'done') return;
    knowledgeApi.getImport(finished.id).then(
      (answer) => setSummary(answer.summary),
      (cause: unknown) => setError(errorMessage(cause)),
    );
  });

  const busy = uploaded !== null && summary === null && task?.status !== 'failed' && error === null;

  const choose = (list: FileList | null) => {
    const chosen = [...(list ?? [])].map((file) => ({ file, name: file.webkitRelativePath || file.name }));
    setFiles(chosen);
    setSummary(null);
    setStarted(null);
    setUploaded(null);
    setError(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (files.length === 0) return setError('Choose transcripts or a folder first.');
    setError(null);
    setSummary(null);
    setStarted(null);
    setUploaded(0);
    try {
      const answer = await knowledgeApi.startImport({ kind, ...meta }, files, setUploaded);
      setUploaded(1);
      setStarted(answer.task);
    } catch (cause) {
      setUploaded(null);
      setError(errorMessage(cause));
    }
  };

  return (
    <div className="page knowledge-page">
      <PageHeader title="Import conversations">
        <p className="muted">
          Transcripts in WebVTT, SRT, plain text (Speaker: words), JSON or a CSV of turns become one
          conversation each, searchable at once. A <code>name.meta.json</code> beside a file overrides the
          details below for that file.
        </p>
      </PageHeader>
      <KnowledgeTabs current="import" />
      <form className="card import-form" onSubmit={(e) => void submit(e)}>
        <div className="import-pick">
          <div className="field">
            <label htmlFor="import-files">Transcript files</label>
            <input
              id="import-files"
              type="file"
              multiple
              data-testid="import-files"
              onChange={(e) => choose(e.target.files)}
            />
          </div>
          <div className="field">
            <label htmlFor="import-folder">…or a whole folder</label>
            <FolderInput onChoose={choose} />
          </div>
        </div>
        {files.length > 0 && (
          <p className="muted small" data-testid="import-chosen">
            {files.length} file{files.length === 1 ? '' : 's'} chosen
          </p>
        )}
        <div className="import-meta">
          <div className="field">
            <label htmlFor="import-kind">Kind</label>
            <select id="import-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </div>
          {META.map(([name, label, hint]) => (
            <div className="field" key={name}>
              <label htmlFor={`import-${name}`}>{label}</label>
              <input
                id={`import-${name}`}
                value={meta[name] ?? ''}
                placeholder={hint}
                maxLength={200}
                onChange={(e) => setMeta({ ...meta, [name]: e.target.value })}
              />
            </div>
          ))}
          <div className="field">
            <label htmlFor="import-date">Date held</label>
            <input
              id="import-date"
              type="date"
              value={meta.occurredAt ?? ''}
              onChange={(e) => setMeta({ ...meta, occurredAt: e.target.value })}
            />
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Importing…' : 'Import'}
          </button>
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <Progress uploaded={uploaded} task={task} done={summary !== null} />
      </form>
      {summary && <Results summary={summary} />}
    </div>
  );
}

/** A file input that picks a folder (`webkitdirectory`, which React does not type). */
function FolderInput({ onChoose }: { onChoose: (files: FileList | null) => void }) {
  const ref = useRef<HTMLInputElement | null>(null);
  return (
    <input
      id="import-folder"
      type="file"
      data-testid="import-folder"
      ref={(el) => {
        ref.current = el;
        el?.setAttribute('webkitdirectory', '');
      }}
      onChange={(e) => onChoose(e.target.files)}
    />
  );
}

function Progress({ uploaded, task, done }: { uploaded: number | null; task: Task | null; done: boolean }) {
  if (uploaded === null) return null;
  if (task?.status === 'failed') {
    return (
      <p className="error" role="alert">
        The import stopped: {task.lastError ?? 'unknown error'}
      </p>
    );
  }
  // Sending counts for the first tenth, importing for the rest.
  const fraction = done ? 1 : task === null ? uploaded * 0.1 : 0.1 + 0.9 * (task.progress?.fraction ?? 0);
  const words = done
    ? 'Import finished'
    : task === null
      ? `Sending files · ${formatShare(uploaded)}`
      : (task.progress?.message ?? 'Waiting to start');
  return (
    <div className="task" data-testid="import-progress" data-status={done ? 'done' : 'running'}>
      <div className="task-line" aria-live="polite">
        <strong>{words}</strong>
      </div>
      <progress aria-label="Import progress" max={1} value={fraction} />
    </div>
  );
}

function Results({ summary }: { summary: ImportSummary }) {
  return (
    <section className="card" aria-labelledby="import-results">
      <h2 className="section-title" id="import-results">
        Results
      </h2>
      <p data-testid="import-summary">
        {summary.files.length} file{summary.files.length === 1 ? '' : 's'}: {summary.imported} imported
        {summary.skipped > 0 ? `, ${summary.skipped} already imported` : ''}
        {summary.failed > 0 ? `, ${summary.failed} failed` : ''}
      </p>
      <div className="table-wrap">
        <table data-testid="import-results" className="import-table">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Result</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {summary.files.map((f) => (
              <tr key={f.file} data-status={f.status}>
                <td className="import-file">{f.file}</td>
                <td>
                  <span className={`pill import-${f.status}`}>{STATUS_LABEL[f.status]}</span>
                </td>
                <td>
                  {f.status === 'failed' ? (
                    <span className="error-text">{f.error}</span>
                  ) : f.interviewId ? (
                    <Link to={`/interviews/${f.interviewId}`}>
                      {f.status === 'imported'
                        ? `${f.segments} segments`
                        : 'the conversation imported before'}
                    </Link>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
