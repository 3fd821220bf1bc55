import { adminApi } from '../../api/admin';
import { Async, EmptyState } from '../../components/status';
import { formatDateTime } from '../../format';
import { navigate, useLocation } from '../../router';
import { useApi } from '../../use-api';
import { AdminPage } from './admin-nav';

const PAGE_SIZE = 25;

/** Words for the log's actions. */
const ACTION_LABEL: Readonly<Record<string, string>> = {
  'user.created': 'User added',
  'user.role_changed': 'Role changed',
  'user.deactivated': 'User deactivated',
  'user.reactivated': 'User reactivated',
  'user.password_reset': 'Password reset',
  'token.created': 'Token issued',
  'token.revoked': 'Token revoked',
  'settings.changed': 'Settings changed',
  'framework.version_saved': 'Framework saved',
  'question_set.saved': 'Question set saved',
  'decision.recorded': 'Hiring decision',
};

/** Who did what in the workspace, newest first, 25 to a page (`?page=`). */
export function AdminActivityPage() {
  const { search } = useLocation();
  const page = Math.max(1, Number(search.get('page')) || 1);
  const log = useApi(() => adminApi.activity.list(PAGE_SIZE, (page - 1) * PAGE_SIZE), [page]);
  return (
    <AdminPage
      title="Activity"
      intro="Who changed users, tokens, settings, frameworks and question sets, and every hiring decision."
    >
      <section className="card" aria-labelledby="activity-list">
        <h2 id="activity-list">Activity log</h2>
        <Async state={log} label="Loading activity…">
          {({ activity, total }) =>
            activity.length === 0 ? (
              <EmptyState title="Nothing recorded yet" />
            ) : (
              <>
                <ol className="activity-list" data-testid="activity-list">
                  {activity.map((a) => (
                    <li key={a.id}>
                      <div className="activity-head">
                        <span className="tag">{ACTION_LABEL[a.action] ?? a.action}</span>
                        <span className="muted small">
                          {formatDateTime(a.occurredAt)} · {a.actorName}
                        </span>
                      </div>
                      <p>{a.summary}</p>
                    </li>
                  ))}
                </ol>
                <nav className="pager" aria-label="Activity pages">
                  <button
                    type="button"
                    className="button secondary small"
                    disabled={page <= 1}
                    onClick={() => navigate(`/admin/activity?page=${page - 1}`)}
                  >
                    Newer
                  </button>
                  <span className="muted small">
                    Page {page} of {Math.max(1, Math.ceil(total / PAGE_SIZE))} · {total} entries
                  </span>
                  <button
                    type="button"
                    className="button secondary small"
                    disabled={page * PAGE_SIZE >= total}
                    onClick={() => navigate(`/admin/activity?page=${page + 1}`)}
                  >
                    Older
                  </button>
                </nav>
              </>
            )
          }
        </Async>
      </section>
    </AdminPage>
  );
}
