import { useState, type FormEvent } from 'react';
import { api } from '../../api';
import { Async, ErrorMessage } from '../../components/status';
import { useApi } from '../../use-api';

/** Adds students (users with the candidate role) of the workspace to a cohort. */
export function AddStudentsForm({
  cohortId,
  members,
  onAdded,
}: {
  cohortId: string;
  members: readonly string[];
  onAdded: () => void;
}) {
  const users = useApi(() => api.users.list('candidate'), []);
  const [picked, setPicked] = useState<readonly string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (picked.length === 0) return setError(new Error('Tick at least one student to add.'));
    setBusy(true);
    setError(null);
    try {
      await api.cohorts.addMembers(cohortId, picked);
      setPicked([]);
      onAdded();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="add-students">
      <summary>Add students</summary>
      <Async state={users} label="Loading students…">
        {({ users: list }) => {
          const available = list.filter((u) => !members.includes(u.id));
          if (available.length === 0) {
            return (
              <p className="muted">
                Every student account of the workspace is already in this cohort. An administrator creates new
                student accounts.
              </p>
            );
          }
          return (
            <form className="stack" onSubmit={(e) => void submit(e)} aria-busy={busy}>
              <fieldset className="field">
                <legend>Students to add</legend>
                <div className="checkbox-grid">
                  {available.map((u) => (
                    <label key={u.id} className="choice">
                      <input
                        type="checkbox"
                        checked={picked.includes(u.id)}
                        onChange={(e) =>
                          setPicked((p) => (e.target.checked ? [...p, u.id] : p.filter((x) => x !== u.id)))
                        }
                      />
                      {u.name} <span className="muted">({u.email})</span>
                    </label>
                  ))}
                </div>
              </fieldset>
              {error !== null && <ErrorMessage error={error} />}
              <button type="submit" className="button primary" disabled={busy}>
                {busy
                  ? 'Adding…'
                  : picked.length === 0
                    ? 'Add students'
                    : `Add ${picked.length} ${picked.length === 1 ? 'student' : 'students'}`}
              </button>
            </form>
          );
        }}
      </Async>
    </details>
  );
}
