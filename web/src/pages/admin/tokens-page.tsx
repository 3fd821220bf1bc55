import { useState, type FormEvent } from 'react';
import { adminApi, type WorkspaceToken } from '../../api/admin';
import { Async, EmptyState, ErrorMessage } from '../../components/status';
import { formatDateTime } from '../../format';
import { useApi } from '../../use-api';
import { AdminPage, OnceSecret } from './admin-nav';

/** Every API token of the workspace: issue one (shown once), see who owns each, revoke. */
export function AdminTokensPage() {
  const tokens = useApi(() => adminApi.tokens.list(), []);
  const [issued, setIssued] = useState<{ name: string; token: string } | null>(null);
  return (
    <AdminPage
      title="API tokens"
      intro="Tokens let programs call the API as the person who issued them (Authorization: Bearer …). A revoked token is refused at once."
    >
      {issued && <OnceSecret label={`API token “${issued.name}”`} value={issued.token} />}
      <div className="layout-aside">
        <section className="card" aria-labelledby="tokens-list">
          <h2 id="tokens-list">Tokens in this workspace</h2>
          <Async state={tokens} label="Loading tokens…">
            {({ tokens: list }) => <TokensTable tokens={list} onRevoked={tokens.reload} />}
          </Async>
        </section>
        <IssueForm
          onIssued={(name, token) => {
            setIssued({ name, token });
            tokens.reload();
          }}
        />
      </div>
    </AdminPage>
  );
}

function TokensTable({ tokens, onRevoked }: { tokens: readonly WorkspaceToken[]; onRevoked: () => void }) {
  const [error, setError] = useState<unknown>(null);
  if (tokens.length === 0) return <EmptyState title="No API tokens">Issue one with the form.</EmptyState>;
  const revoke = async (token: WorkspaceToken) => {
    if (!window.confirm(`Revoke “${token.name}” of ${token.userName}? Programs using it stop working.`))
      return;
    setError(null);
    try {
      await adminApi.tokens.revoke(token.id);
      onRevoked();
    } catch (cause) {
      setError(cause);
    }
  };
  return (
    <>
      {error !== null && <ErrorMessage error={error} />}
      <div className="table-wrap">
        <table className="stack-table" data-testid="tokens-table">
          <thead>
            <tr>
              <th scope="col">Token</th>
              <th scope="col">Owner</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id} data-testid="token-row">
                <th scope="row">{t.name}</th>
                <td data-label="Owner">
                  {t.userName}
                  <div className="cell-note">{t.userEmail}</div>
                </td>
                <td data-label="Created" className="nowrap">
                  {formatDateTime(t.createdAt)}
                </td>
                <td data-label="Last used" className="nowrap">
                  {t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'never'}
                </td>
                <td className="actions-cell">
                  <div className="row-actions">
                    <button
                      type="button"
                      className="button danger small"
                      aria-label={`Revoke ${t.name}`}
                      onClick={() => void revoke(t)}
                    >
                      Revoke
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function IssueForm({ onIssued }: { onIssued: (name: string, token: string) => void }) {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const issued = await adminApi.tokens.create(name.trim());
      onIssued(issued.apiToken.name, issued.token);
      setName('');
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="issue-token">
      <h2 id="issue-token">Issue a token</h2>
      <form className="stack" onSubmit={(e) => void submit(e)} aria-busy={busy}>
        <div className="field">
          <label htmlFor="token-name">Name</label>
          <input
            id="token-name"
            required
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-describedby="token-name-hint"
          />
          <p className="hint" id="token-name-hint">
            What uses it, e.g. “ATS sync”. The token acts as you.
          </p>
        </div>
        {error !== null && <ErrorMessage error={error} />}
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Issuing…' : 'Issue token'}
        </button>
      </form>
    </section>
  );
}
