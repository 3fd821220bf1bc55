import { useState, type FormEvent } from 'react';
import { ErrorMessage, Async, EmptyState } from '../../components/status';
import { adminApi, ROLES, type UserAccount } from '../../api/admin';
import type { Role } from '../../api';
import { formatDate } from '../../format';
import { ROLE_LABEL, useUser } from '../../session';
import { useApi } from '../../use-api';
import { AdminPage, OnceSecret } from './admin-nav';
import { CalendarPanel } from './calendar-panel';

/** 16 characters from a URL-safe alphabet, made in the browser: the invitee's first password. */
function oneTimePassword(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_');
}

/** Roles that may interview candidates, so have a calendar to schedule into. */
const INTERVIEWERS: readonly Role[] = ['admin', 'recruiter', 'hiring_manager', 'advisor'];

/** The workspace's users: invite one, change a role, deactivate, reset a password. */
export function AdminUsersPage() {
  const users = useApi(() => adminApi.users.list(), []);
  const [secret, setSecret] = useState<{ who: string; password: string } | null>(null);
  const [calendarOf, setCalendarOf] = useState<UserAccount | null>(null);
  return (
    <AdminPage
      title="Users"
      intro="Who can sign in to this workspace and what their role lets them do. A deactivated user cannot sign in, and their API tokens stop working."
    >
      {secret && (
        <OnceSecret label={`One-time password for ${secret.who}`} value={secret.password}>
          <p className="small">Hand it over in person or by a channel you trust; they sign in with it.</p>
        </OnceSecret>
      )}
      <div className="layout-aside">
        <section className="card" aria-labelledby="users-list">
          <h2 id="users-list">People</h2>
          <Async state={users} label="Loading users…">
            {({ users: list }) => (
              <UsersTable
                users={list}
                onChanged={users.reload}
                onPassword={(who, password) => setSecret({ who, password })}
                onCalendar={setCalendarOf}
              />
            )}
          </Async>
        </section>
        <InviteForm
          onInvited={(who, password) => {
            setSecret({ who, password });
            users.reload();
          }}
        />
      </div>
      {calendarOf && (
        <CalendarPanel
          key={calendarOf.id}
          userId={calendarOf.id}
          userName={calendarOf.name}
          onClose={() => setCalendarOf(null)}
        />
      )}
    </AdminPage>
  );
}

function UsersTable({
  users,
  onChanged,
  onPassword,
  onCalendar,
}: {
  users: readonly UserAccount[];
  onChanged: () => void;
  onPassword: (who: string, password: string) => void;
  /** Opens the user's calendar settings (for scheduling interviews) below the table. */
  onCalendar: (user: UserAccount) => void;
}) {
  const me = useUser();
  const [error, setError] = useState<unknown>(null);
  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      onChanged();
    } catch (cause) {
      setError(cause);
    }
  };
  if (users.length === 0) return <EmptyState title="No users yet" />;
  return (
    <>
      {error !== null && <ErrorMessage error={error} />}
      <div className="table-wrap">
        <table className="stack-table" data-testid="users-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} data-testid="user-row">
                <th scope="row">
                  {u.name}
                  <div className="cell-note">{u.email}</div>
                  <div className="cell-note">added {formatDate(u.createdAt)}</div>
                  {INTERVIEWERS.includes(u.role) && (
                    <div className="cell-note">
                      <button
                        type="button"
                        className="link-button"
                        aria-label={`Interview calendar of ${u.name}`}
                        onClick={() => onCalendar(u)}
                      >
                        Interview calendar
                      </button>
                    </div>
                  )}
                </th>
                <td data-label="Role">
                  <select
                    aria-label={`Role of ${u.name}`}
                    value={u.role}
                    onChange={(e) =>
                      void act(() => adminApi.users.update(u.id, { role: e.target.value as Role }))
                    }
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {ROLE_LABEL[r]}
                      </option>
                    ))}
                  </select>
                </td>
                <td data-label="Status">
                  <span className={u.active ? 'status status-scored' : 'status status-failed'}>
                    {u.active ? 'active' : 'deactivated'}
                  </span>
                </td>
                <td className="actions-cell">
                  <div className="row-actions">
                    <button
                      type="button"
                      className="button secondary small"
                      aria-label={`Reset password of ${u.name}`}
                      onClick={() =>
                        void act(async () => {
                          const question = `Reset the password of ${u.name}? Their current password and sessions stop working.`;
                          if (!window.confirm(question)) return;
                          const reset = await adminApi.users.resetPassword(u.id);
                          if (reset.oneTimePassword) onPassword(u.name, reset.oneTimePassword);
                        })
                      }
                    >
                      Reset password
                    </button>
                    {u.id !== me.id && (
                      <button
                        type="button"
                        className={u.active ? 'button danger small' : 'button secondary small'}
                        aria-label={`${u.active ? 'Deactivate' : 'Reactivate'} ${u.name}`}
                        onClick={() => void act(() => adminApi.users.update(u.id, { active: !u.active }))}
                      >
                        {u.active ? 'Deactivate' : 'Reactivate'}
                      </button>
                    )}
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

function InviteForm({ onInvited }: { onInvited: (who: string, password: string) => void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('recruiter');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const password = oneTimePassword();
    try {
      const created = await adminApi.users.create({ name: name.trim(), email: email.trim(), role, password });
      onInvited(created.name, password);
      setName('');
      setEmail('');
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="invite-user">
      <h2 id="invite-user">Invite a user</h2>
      <form className="stack" onSubmit={(e) => void submit(e)} aria-busy={busy}>
        <div className="field">
          <label htmlFor="invite-name">Name</label>
          <input
            id="invite-name"
            required
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="invite-email">Email</label>
          <input
            id="invite-email"
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="invite-role">Role</label>
          <select id="invite-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABEL[r]}
              </option>
            ))}
          </select>
        </div>
        <p className="hint">Candor makes a one-time password and shows it once, for you to hand over.</p>
        {error !== null && <ErrorMessage error={error} />}
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Inviting…' : 'Invite'}
        </button>
      </form>
    </section>
  );
}
