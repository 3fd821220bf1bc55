import type { ReactNode } from 'react';
import { PageHeader } from '../../page';
import { Link, useLocation } from '../../router';
import '../../styles/admin.css';

/** The console's sections, in the order an admin sets up a workspace. */
export const ADMIN_SECTIONS: readonly { to: string; label: string }[] = [
  { to: '/admin/users', label: 'Users' },
  { to: '/admin/tokens', label: 'API tokens' },
  { to: '/admin/settings', label: 'Settings' },
  { to: '/admin/frameworks', label: 'Frameworks' },
  { to: '/admin/question-sets', label: 'Question sets' },
  { to: '/admin/agent', label: 'Follow-up agent' },
  { to: '/admin/activity', label: 'Activity' },
];

/**
 * A page of the admin console: its title, the console's section tabs, then the content.
 * @example <AdminPage title="Users" intro="…">…</AdminPage>
 */
export function AdminPage({
  title,
  intro,
  actions,
  children,
}: {
  title: string;
  intro?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { pathname } = useLocation();
  return (
    <div className="page admin">
      <PageHeader title={title} eyebrow="Admin" actions={actions}>
        {intro && <p className="muted">{intro}</p>}
      </PageHeader>
      <nav aria-label="Admin sections" className="admin-tabs">
        <ul>
          {ADMIN_SECTIONS.map((s) => {
            const active = pathname === s.to || pathname.startsWith(s.to + '/');
            return (
              <li key={s.to}>
                <Link to={s.to} aria-current={active ? 'page' : undefined}>
                  {s.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      {children}
    </div>
  );
}

/**
 * A secret shown once (a one-time password, a new API token), with a copy button.
 * @example <OnceSecret label="API token" value={token} />
 */
export function OnceSecret({
  label,
  value,
  children,
}: {
  label: string;
  value: string;
  children?: ReactNode;
}) {
  return (
    <div className="success once-secret" role="status">
      <p>
        <strong>{label}</strong> — shown only now; copy it before leaving the page.
      </p>
      <code data-testid="once-secret">{value}</code>
      <div className="button-row">
        <button
          type="button"
          className="button secondary small"
          onClick={() => void navigator.clipboard?.writeText(value)}
        >
          Copy
        </button>
      </div>
      {children}
    </div>
  );
}
