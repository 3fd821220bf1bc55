import { useState, type FormEvent } from 'react';
import { api, type JobListItem } from '../api';
import { Async, EmptyState, ErrorMessage } from '../components/status';
import { formatDate } from '../format';
import { PageHeader } from '../page';
import { Link, navigate } from '../router';
import { RECRUITERS, useUser } from '../session';
import { useApi } from '../use-api';

/** Open jobs with their candidate counts, and (for recruiters) a form to create one. */
export function JobsPage() {
  const user = useUser();
  const jobs = useApi(() => api.jobs.list(), []);
  const canCreate = RECRUITERS.includes(user.role);

  return (
    <div className="page">
      <PageHeader title="Jobs">
        <p className="muted">Each job ranks its candidates by the evidence in their interviews.</p>
      </PageHeader>
      <div className={canCreate ? 'layout-aside' : undefined}>
        <section aria-labelledby="jobs-list" className="card">
          <h2 id="jobs-list">Open jobs</h2>
          <Async state={jobs} label="Loading jobs…">
            {({ jobs: list }) => <JobsTable jobs={list} canCreate={canCreate} />}
          </Async>
        </section>
        {canCreate && <CreateJobForm />}
      </div>
    </div>
  );
}

function JobsTable({ jobs, canCreate }: { jobs: readonly JobListItem[]; canCreate: boolean }) {
  if (jobs.length === 0) {
    return (
      <EmptyState title="No jobs yet">
        {canCreate
          ? 'Create the first job with the form on this page; then add candidates and their interviews.'
          : 'A recruiter creates jobs; they appear here once they exist.'}
      </EmptyState>
    );
  }
  return (
    <div
      className="table-wrap"
      tabIndex={0}
      role="group"
      aria-label="Table (scrolls sideways on a narrow screen)"
    >
      <table>
        <thead>
          <tr>
            <th scope="col">Job</th>
            <th scope="col" className="num">
              Candidates
            </th>
            <th scope="col" className="num">
              Scored
            </th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => (
            <tr key={job.id}>
              <th scope="row">
                <Link to={`/jobs/${job.id}`}>{job.title}</Link>
                {job.skills.length > 0 && (
                  <div className="cell-note truncate">{skillSummary(job.skills)}</div>
                )}
              </th>
              <td className="num">{job.applicationCount}</td>
              <td className="num">{job.scoredCount}</td>
              <td>{formatDate(job.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CreateJobForm() {
  const frameworks = useApi(() => api.frameworks.list(), []);
  const questionSets = useApi(() => api.questionSets.list(), []);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [skills, setSkills] = useState('');
  const [frameworkId, setFrameworkId] = useState('');
  const [questionSetId, setQuestionSetId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const job = await api.jobs.create({
        title: title.trim(),
        description: description.trim(),
        skills: skills
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
        ...(frameworkId ? { frameworkId } : {}),
        ...(questionSetId ? { questionSetId } : {}),
      });
      navigate(`/jobs/${job.id}`);
    } catch (cause) {
      setError(cause);
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="create-job" className="card">
      <h2 id="create-job">Create a job</h2>
      <form className="stack" onSubmit={(e) => void submit(e)} aria-busy={busy}>
        <div className="field">
          <label htmlFor="job-title">Title</label>
          <input
            id="job-title"
            required
            maxLength={200}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="job-description">Description</label>
          <textarea
            id="job-description"
            required
            rows={5}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            aria-describedby="job-description-hint"
          />
          <p className="hint" id="job-description-hint">
            Paste the job ad. Candor uses it to judge how well answers match the role.
          </p>
        </div>
        <div className="field">
          <label htmlFor="job-skills">Skills</label>
          <input
            id="job-skills"
            value={skills}
            onChange={(e) => setSkills(e.target.value)}
            aria-describedby="job-skills-hint"
          />
          <p className="hint" id="job-skills-hint">
            Separate with commas, e.g. “de-escalation, coaching, SQL”.
          </p>
        </div>
        <div className="field">
          <label htmlFor="job-framework">Competency framework</label>
          <select id="job-framework" value={frameworkId} onChange={(e) => setFrameworkId(e.target.value)}>
            <option value="">Workspace default</option>
            {frameworks.data?.frameworks.map((f) => (
              <option key={`${f.id}@${f.version}`} value={f.id}>
                {f.name} ({f.version})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="job-questions">Question set</label>
          <select id="job-questions" value={questionSetId} onChange={(e) => setQuestionSetId(e.target.value)}>
            <option value="">Workspace default</option>
            {questionSets.data?.questionSets.map((q) => (
              <option key={`${q.id}@${q.version}`} value={q.id}>
                {q.name} ({q.questionCount} questions)
              </option>
            ))}
          </select>
        </div>
        {error !== null && <ErrorMessage error={error} />}
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create job'}
        </button>
      </form>
    </section>
  );
}

/** A one-line summary of a job's skills: the short ones, then how many more. */
function skillSummary(skills: readonly string[]): string {
  const short = skills.filter((s) => s.length <= 30).slice(0, 4);
  const more = skills.length - short.length;
  if (short.length === 0) return `${skills.length} skills`;
  return short.join(' · ') + (more > 0 ? ` · +${more} more` : '');
}
