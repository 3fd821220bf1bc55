import { useState, type FormEvent } from 'react';
import { api, type RankRow } from '../../api';
import { ErrorMessage } from '../../components/status';
import { useApi } from '../../use-api';

/**
 * Adds a candidate to the job: a new person (name, email) or one already in the workspace, then
 * the application that links them to this job.
 */
export function AddCandidateForm({
  jobId,
  existing,
  onAdded,
}: {
  jobId: string;
  existing: readonly RankRow[];
  onAdded: () => void;
}) {
  const candidates = useApi(() => api.candidates.list(), []);
  const [candidateId, setCandidateId] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [added, setAdded] = useState<string | null>(null);

  const inJob = new Set(existing.map((row) => row.candidateId));
  const others = (candidates.data?.candidates ?? []).filter((c) => !inJob.has(c.id));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setAdded(null);
    try {
      let id = candidateId;
      let who = others.find((c) => c.id === candidateId)?.name ?? '';
      if (!id) {
        const created = await api.candidates.create({
          name: name.trim(),
          ...(email.trim() ? { email: email.trim() } : {}),
        });
        id = created.id;
        who = created.name;
      }
      await api.applications.create(id, jobId);
      setAdded(who);
      setName('');
      setEmail('');
      setCandidateId('');
      candidates.reload();
      onAdded();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="add-candidate">
      <h2 id="add-candidate">Add a candidate</h2>
      <form className="stack" onSubmit={(e) => void submit(e)} aria-busy={busy}>
        {others.length > 0 && (
          <div className="field">
            <label htmlFor="existing-candidate">Existing candidate</label>
            <select
              id="existing-candidate"
              value={candidateId}
              onChange={(e) => setCandidateId(e.target.value)}
            >
              <option value="">New candidate…</option>
              {others.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                  {c.email ? ` (${c.email})` : ''}
                </option>
              ))}
            </select>
          </div>
        )}
        {!candidateId && (
          <>
            <div className="field">
              <label htmlFor="candidate-name">Name</label>
              <input
                id="candidate-name"
                required
                maxLength={200}
                autoComplete="off"
                value={name}
                onChange={(e) => setName(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="candidate-email">
                Email <span className="optional">(optional)</span>
              </label>
              <input
                id="candidate-email"
                type="email"
                autoComplete="off"
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            </div>
          </>
        )}
        {error !== null && <ErrorMessage error={error} />}
        {added && (
          <p className="success" role="status">
            {added} was added to this job. Upload their interview next.
          </p>
        )}
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Adding…' : 'Add candidate'}
        </button>
      </form>
    </section>
  );
}
