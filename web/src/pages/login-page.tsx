import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../components/status';
import { useLocation } from '../router';
import { useSession } from '../session';
import { PageHeader } from '../page';

/** Sign in with email and password; the app then opens the home page of the user's role. */
export function LoginPage() {
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { search } = useLocation();
  const [workspace, setWorkspace] = useState(search.get('workspace') ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email.trim(), password, workspace.trim() || undefined);
    } catch (cause) {
      setError(cause);
      setBusy(false);
    }
  };

  return (
    <main id="main" className="login">
      <div className="login-card card">
        <div className="login-brand" aria-hidden="true">
          <span className="brand-mark" />
          Candor
        </div>
        <PageHeader title="Sign in">
          <p className="muted">Structured interviews, explained scores, and a person who decides.</p>
        </PageHeader>
        <form onSubmit={(e) => void submit(e)} className="stack" aria-busy={busy}>
          <div className="field">
            <label htmlFor="login-email">Email</label>
            <input
              id="login-email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="login-password">Password</label>
            <input
              id="login-password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          <details className="workspace-choice" open={workspace !== '' || undefined}>
            <summary>Sign in to another workspace</summary>
            <div className="field">
              <label htmlFor="login-workspace">Workspace</label>
              <input
                id="login-workspace"
                autoComplete="organization"
                value={workspace}
                onChange={(e) => setWorkspace(e.target.value)}
                aria-describedby="login-workspace-hint"
              />
              <p className="hint" id="login-workspace-hint">
                The short name your administrator gave you. Leave empty for this server's main workspace.
              </p>
            </div>
          </details>
          {error !== null && <ErrorMessage error={error} />}
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </div>
    </main>
  );
}
