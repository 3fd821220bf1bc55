import { useState, type FormEvent } from 'react';
import { api, type CohortSummary } from '../api';
import { Async, EmptyState, ErrorMessage } from '../components/status';
import { formatDate } from '../format';
import { PageHeader } from '../page';
import { Link, navigate } from '../router';
import { useApi } from '../use-api';

/** Career services: the cohorts of students, and a form to create one. */
export function CohortsPage() {
  const cohorts = useApi(() => api.cohorts.list(), []);
  return (
    <div className="page">
      <PageHeader title="Cohorts">
        <p className="muted">See which skills a class lacks most, and how each student is progressing.</p>
      </PageHeader>
      <div className="layout-aside">
        <section className="card" aria-labelledby="cohort-list">
          <h2 id="cohort-list">Your cohorts</h2>
          <Async state={cohorts} label="Loading cohorts…">
            {({ cohorts: list }) => <CohortTable cohorts={list} />}
          </Async>
        </section>
        <CreateCohortForm />
      </div>
    </div>
  );
}

function CohortTable({ cohorts }: { cohorts: readonly CohortSummary[] }) {
  if (cohorts.length === 0) {
    return (
      <EmptyState title="No cohorts yet">
        Create a cohort with the form on this page, then add the students who practise with Candor.
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
            <th scope="col">Cohort</th>
            <th scope="col" className="num">
              Students
            </th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {cohorts.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <Link to={`/cohorts/${c.id}`}>{c.name}</Link>
              </th>
              <td className="num">{c.studentCount}</td>
              <td>{formatDate(c.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CreateCohortForm() {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const cohort = await api.cohorts.create(name.trim());
      navigate(`/cohorts/${cohort.id}`);
    } catch (cause) {
      setError(cause);
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="create-cohort">
      <h2 id="create-cohort">Create a cohort</h2>
      <form className="stack" onSubmit={(e) => void submit(e)} aria-busy={busy}>
        <div className="field">
          <label htmlFor="cohort-name">Name</label>
          <input
            id="cohort-name"
            required
            maxLength={200}
            placeholder="e.g. MSc Marketing, spring term"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        {error !== null && <ErrorMessage error={error} />}
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create cohort'}
        </button>
      </form>
    </section>
  );
}
