import { useState, type FormEvent } from 'react';
import { api, type FrameworkSummary } from '../../api';
import { adminApi } from '../../api/admin';
import { Async, ErrorMessage } from '../../components/status';
import { Link, navigate } from '../../router';
import { useApi } from '../../use-api';
import { AdminPage } from './admin-nav';

/** The frameworks the workspace can use, and a form to copy one into the workspace to edit it. */
export function AdminFrameworksPage() {
  const frameworks = useApi(() => api.frameworks.list(), []);
  return (
    <AdminPage
      title="Frameworks"
      intro="A framework says which competencies a scorecard rates and how each signal counts. Every edit saves a new version; scorecards keep citing the version they were scored with."
    >
      <div className="layout-aside">
        <section className="card" aria-labelledby="frameworks-list">
          <h2 id="frameworks-list">Frameworks</h2>
          <Async state={frameworks} label="Loading frameworks…">
            {({ frameworks: list }) => <FrameworksTable frameworks={list} />}
          </Async>
        </section>
        {frameworks.data && <DuplicateForm frameworks={frameworks.data.frameworks} />}
      </div>
    </AdminPage>
  );
}

function FrameworksTable({ frameworks }: { frameworks: readonly FrameworkSummary[] }) {
  return (
    <div className="table-wrap">
      <table className="stack-table" data-testid="frameworks-table">
        <thead>
          <tr>
            <th scope="col">Framework</th>
            <th scope="col">Newest version</th>
            <th scope="col">Competencies</th>
            <th scope="col">Kind</th>
          </tr>
        </thead>
        <tbody>
          {frameworks.map((f) => (
            <tr key={f.id}>
              <th scope="row">
                <Link to={`/admin/frameworks/${f.id}`}>{f.name}</Link>
                <div className="cell-note">{f.id}</div>
              </th>
              <td data-label="Newest version">{f.version}</td>
              <td data-label="Competencies">{f.competencies.length}</td>
              <td data-label="Kind">{f.builtIn ? 'built-in (read only)' : 'this workspace'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Copies a framework into the workspace as version 1.0.0 under a new id.
 * @example <DuplicateForm frameworks={list} initial="default" />
 */
export function DuplicateForm({
  frameworks,
  initial,
}: {
  frameworks: readonly { id: string; name: string }[];
  initial?: string;
}) {
  const [source, setSource] = useState(initial ?? frameworks[0]?.id ?? '');
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const saved = await adminApi.frameworks.duplicate(source, { id: id.trim(), name: name.trim() });
      navigate(`/admin/frameworks/${saved.id}`);
    } catch (cause) {
      setError(cause);
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="duplicate-framework">
      <h2 id="duplicate-framework">Duplicate a framework</h2>
      <form className="stack" onSubmit={(e) => void submit(e)} aria-busy={busy}>
        {initial === undefined && (
          <div className="field">
            <label htmlFor="dup-source">Copy</label>
            <select id="dup-source" value={source} onChange={(e) => setSource(e.target.value)}>
              {frameworks.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="dup-id">New id</label>
          <input
            id="dup-id"
            required
            pattern="[a-z][a-z0-9\-]*"
            maxLength={100}
            value={id}
            onChange={(e) => setId(e.target.value)}
            aria-describedby="dup-id-hint"
          />
          <p className="hint" id="dup-id-hint">
            Lowercase letters, digits and dashes, e.g. “customer-facing”. Jobs refer to it.
          </p>
        </div>
        <div className="field">
          <label htmlFor="dup-name">Name</label>
          <input
            id="dup-name"
            required
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        {error !== null && <ErrorMessage error={error} />}
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Copying…' : 'Duplicate'}
        </button>
      </form>
    </section>
  );
}
