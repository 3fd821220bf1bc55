import { useState } from 'react';
import { errorMessage } from '../../api';
import { invitationsApi, type Invitation, type InviteResult } from '../../api/take';
import { Async, EmptyState } from '../../components/status';
import { formatDate } from '../../format';
import { Link } from '../../router';
import { useApi } from '../../use-api';
import { InviteForm } from './invite-form';
import '../../styles/admin.css';

interface IssuedLink {
  readonly name: string;
  readonly url: string;
}

const STATUS_CLASS: Record<Invitation['status'], string> = {
  invited: 'stage-invited',
  started: 'stage-in-progress',
  completed: 'stage-scored',
  revoked: 'stage-rejected',
  expired: 'stage-on-hold',
};

const STATUS_WORDS: Record<Invitation['status'], string> = {
  invited: 'Invited',
  started: 'In progress',
  completed: 'Completed',
  revoked: 'Withdrawn',
  expired: 'Expired',
};

/** A link in a read-only box with a Copy button (the box can be selected by hand too). */
function CopyLink({ link }: { link: IssuedLink }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <li className="invite-link" data-testid="invite-link">
      <label>
        <span className="invite-link-name">{link.name}</span>
        <input readOnly value={link.url} onFocus={(e) => e.target.select()} />
      </label>
      <button type="button" className="button secondary small" onClick={() => void copy()}>
        {copied ? 'Copied' : 'Copy'}
        <span className="visually-hidden"> the link for {link.name}</span>
      </button>
    </li>
  );
}

/**
 * The job's interviews by link: the invite form (recruiters), the links just issued, the rows that
 * could not be invited, and every invitation with its progress and actions.
 */
export function InvitationsPanel({ jobId, canEdit }: { jobId: string; canEdit: boolean }) {
  const list = useApi(() => invitationsApi.list(jobId), [jobId]);
  const [links, setLinks] = useState<readonly IssuedLink[]>([]);
  const [failures, setFailures] = useState<InviteResult['failures']>([]);
  const [actionError, setActionError] = useState<string | null>(null);

  const issued = (invitations: readonly Invitation[]): IssuedLink[] =>
    invitations.flatMap((i) =>
      i.linkPath ? [{ name: i.candidate.name, url: window.location.origin + i.linkPath }] : [],
    );

  const act = async (run: () => Promise<Invitation>) => {
    setActionError(null);
    try {
      const changed = await run();
      if (changed.linkPath) {
        setLinks(issued([changed]));
        setFailures([]);
      }
      list.reload();
    } catch (cause) {
      setActionError(errorMessage(cause));
    }
  };

  return (
    <section className="card" aria-labelledby="invitations-heading" data-testid="invitations-panel">
      <div className="section-head">
        <h2 id="invitations-heading">Interviews by link</h2>
        <p className="muted small">
          Each candidate gets a private link to record their answers; the answers are analysed when they
          finish.
        </p>
      </div>
      {canEdit && (
        <details className="invite-details">
          <summary>Invite candidates</summary>
          <InviteForm
            jobId={jobId}
            onInvited={(result) => {
              setLinks(issued(result.invitations));
              setFailures(result.failures);
              list.reload();
            }}
          />
        </details>
      )}
      {links.length > 0 && (
        <div className="success invite-result" role="status">
          <p>
            {links.length === 1 ? 'Send this link' : `Send these ${links.length} links`} to the candidate. It
            is shown only now; ask for a new link if it is lost.
          </p>
          <ul className="invite-links">
            {links.map((link) => (
              <CopyLink key={link.url} link={link} />
            ))}
          </ul>
        </div>
      )}
      {failures.length > 0 && (
        <div className="error" role="alert" data-testid="invite-failures">
          <p>{failures.length === 1 ? 'One row was' : `${failures.length} rows were`} not invited:</p>
          <ul>
            {failures.map((f) => (
              <li key={f.row}>
                Row {f.row}
                {f.name || f.email ? ` (${[f.name, f.email].filter(Boolean).join(', ')})` : ''}: {f.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      {actionError !== null && (
        <div className="error" role="alert">
          <p>{actionError}</p>
        </div>
      )}
      <Async state={list} label="Loading invitations…">
        {({ invitations }) =>
          invitations.length === 0 ? (
            <EmptyState title="No one invited yet">
              {canEdit
                ? 'Invite a candidate above to send them an interview link.'
                : 'A recruiter invites candidates.'}
            </EmptyState>
          ) : (
            <div className="table-wrap">
              <table className="stack-table" data-testid="invitations-table">
                <thead>
                  <tr>
                    <th scope="col">Candidate</th>
                    <th scope="col">Status</th>
                    <th scope="col">Answered</th>
                    <th scope="col">Expires</th>
                    {canEdit && <th scope="col">Actions</th>}
                  </tr>
                </thead>
                <tbody>
                  {invitations.map((i) => {
                    const open = i.status === 'invited' || i.status === 'started' || i.status === 'expired';
                    return (
                      <tr key={i.id}>
                        <th scope="row">
                          <Link to={`/candidates/${i.candidate.id}`}>{i.candidate.name}</Link>
                          {i.candidate.email && (
                            <span className="muted small invite-email">{i.candidate.email}</span>
                          )}
                        </th>
                        <td data-label="Status">
                          <span className={`badge ${STATUS_CLASS[i.status]}`}>{STATUS_WORDS[i.status]}</span>
                        </td>
                        <td data-label="Answered">
                          {i.answered}/{i.questionCount}
                        </td>
                        <td data-label="Expires">{formatDate(i.expiresAt)}</td>
                        {canEdit && (
                          <td>
                            {open && (
                              <div className="button-row row-actions">
                                <button
                                  type="button"
                                  className="button secondary small"
                                  onClick={() => void act(() => invitationsApi.newLink(i.id))}
                                >
                                  New link<span className="visually-hidden"> for {i.candidate.name}</span>
                                </button>
                                {i.status !== 'expired' && (
                                  <button
                                    type="button"
                                    className="button danger small"
                                    onClick={() => {
                                      if (
                                        window.confirm(`Withdraw the interview link of ${i.candidate.name}?`)
                                      )
                                        void act(() => invitationsApi.revoke(i.id));
                                    }}
                                  >
                                    Withdraw
                                    <span className="visually-hidden"> the link of {i.candidate.name}</span>
                                  </button>
                                )}
                              </div>
                            )}
                          </td>
                        )}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )
        }
      </Async>
    </section>
  );
}
