import { api } from '../api';
import { ProgressChart, SessionList } from '../components/practice-history';
import { Async } from '../components/status';
import { PageHeader } from '../page';
import { Link } from '../router';
import { useApi } from '../use-api';

/** One student of a cohort: their practice sessions and their progress per competency. */
export function StudentPage({ cohortId, userId }: { cohortId: string; userId: string }) {
  const state = useApi(() => api.cohorts.student(cohortId, userId), [cohortId, userId]);
  const name = state.data?.student.name;
  return (
    <div className="page">
      <PageHeader
        title={name ?? 'Student'}
        eyebrow={
          <nav aria-label="Breadcrumb">
            <Link to="/cohorts">Cohorts</Link> <span aria-hidden="true">/</span>{' '}
            <Link to={`/cohorts/${cohortId}`}>Cohort</Link>
          </nav>
        }
      >
        {state.data && <p className="muted">{state.data.student.email}</p>}
      </PageHeader>
      <Async state={state} label="Loading the student's sessions…">
        {(data) => (
          <>
            <section className="card" aria-labelledby="student-progress">
              <h2 id="student-progress">Progress</h2>
              <ProgressChart history={data} who={`${data.student.name}'s`} />
            </section>
            <section className="card" aria-labelledby="student-sessions">
              <h2 id="student-sessions">Sessions</h2>
              <SessionList history={data} emptyHint="This student has not practised yet." />
            </section>
          </>
        )}
      </Async>
    </div>
  );
}
