import { api } from '../../api';
import { Async } from '../../components/status';
import { Link } from '../../router';
import { useApi } from '../../use-api';
import { AdminPage } from './admin-nav';

/** The question sets the workspace can use. */
export function AdminQuestionSetsPage() {
  const sets = useApi(() => api.questionSets.list(), []);
  return (
    <AdminPage
      title="Question sets"
      intro="The questions a job's interview asks, with the key points a strong answer covers and a follow-up for a weak one."
      actions={
        <Link className="button primary" to="/admin/question-sets/new">
          New question set
        </Link>
      }
    >
      <section className="card" aria-labelledby="sets-list">
        <h2 id="sets-list">Question sets</h2>
        <Async state={sets} label="Loading question sets…">
          {({ questionSets }) => (
            <div className="table-wrap">
              <table className="stack-table" data-testid="question-sets-table">
                <thead>
                  <tr>
                    <th scope="col">Question set</th>
                    <th scope="col">Questions</th>
                    <th scope="col">Version</th>
                    <th scope="col">Kind</th>
                  </tr>
                </thead>
                <tbody>
                  {questionSets.map((s) => (
                    <tr key={s.id}>
                      <th scope="row">
                        <Link to={`/admin/question-sets/${s.id}`}>{s.name}</Link>
                        <div className="cell-note">{s.id}</div>
                      </th>
                      <td data-label="Questions">{s.questionCount}</td>
                      <td data-label="Version">{s.version}</td>
                      <td data-label="Kind">{s.builtIn ? 'built-in (copy to edit)' : 'this workspace'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Async>
      </section>
    </AdminPage>
  );
}
