import { useEffect, useState, type FormEvent } from 'react';
import {
  agentApi,
  flowLabel,
  FLOW_LABEL,
  type AgentMessage,
  type AgentPause,
  type CandidateDetail,
  type MessageChannel,
  type MessagePreview,
} from '../api/agent';
import { Async, EmptyState, ErrorMessage } from '../components/status';
import { formatDateTime, formatStage } from '../format';
import { PageHeader } from '../page';
import { Link } from '../router';
import { RECRUITERS, useUser } from '../session';
import { useApi } from '../use-api';
import '../styles/agent.css';

/**
 * A candidate: their contact details and applications, whether the follow-up agent is paused for
 * them (recruiters pause and resume it), every message both ways with its status and reason, and
 * a preview of any flow's message filled with their values.
 */
export function CandidatePage({ candidateId }: { candidateId: string }) {
  const detail = useApi(() => agentApi.candidate(candidateId), [candidateId]);
  const title = detail.data?.candidate.name ?? 'Candidate';
  const firstJob = detail.data?.applications[0];
  return (
    <div className="page">
      <PageHeader
        title={title}
        eyebrow={
          <nav aria-label="Breadcrumb">
            <Link to="/jobs">Jobs</Link>
            {firstJob && (
              <>
                {' '}
                <span aria-hidden="true">/</span>{' '}
                <Link to={`/jobs/${firstJob.jobId}`}>{firstJob.jobTitle}</Link>
              </>
            )}
          </nav>
        }
      />
      <Async state={detail} label="Loading the candidate…">
        {(data) => (
          <div className="agent-settings">
            <CandidateFacts data={data} />
            <AgentStatePanel candidateId={candidateId} name={data.candidate.name} />
            <TimelinePanel candidateId={candidateId} />
            <PreviewPanel candidateId={candidateId} />
          </div>
        )}
      </Async>
    </div>
  );
}

function CandidateFacts({ data }: { data: CandidateDetail }) {
  const { candidate, applications } = data;
  return (
    <section className="card" aria-labelledby="contact-heading">
      <h2 id="contact-heading">Contact and applications</h2>
      <dl className="candidate-facts">
        <div>
          <dt>E-mail</dt>
          <dd>{candidate.email ?? '—'}</dd>
        </div>
        <div>
          <dt>Phone</dt>
          <dd>{candidate.phone ?? '—'}</dd>
        </div>
        <div>
          <dt>Time zone</dt>
          <dd>{candidate.timeZone ?? 'not known (the server’s default)'}</dd>
        </div>
        {applications.map((a) => (
          <div key={a.id}>
            <dt>Applied to</dt>
            <dd>
              <Link to={`/jobs/${a.jobId}`}>{a.jobTitle}</Link> · {formatStage(a.stage)}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function AgentStatePanel({ candidateId, name }: { candidateId: string; name: string }) {
  const user = useUser();
  const pauses = useApi(() => agentApi.pauses(), [candidateId]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const pause: AgentPause | undefined = pauses.data?.pauses.find(
    (p) => p.subjectType === 'candidate' && p.subjectId === candidateId,
  );
  const act = async (paused: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await (paused ? agentApi.resume({ candidateId }) : agentApi.pause({ candidateId }));
      pauses.reload();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="agent-heading">
      <h2 id="agent-heading">Follow-up agent</h2>
      <Async state={pauses} label="Loading…">
        {() => (
          <div className="agent-state">
            <p role="status" data-testid="agent-state">
              {pause
                ? `Paused by ${pause.pausedBy} on ${formatDateTime(pause.pausedAt)}: nothing is sent to ${name} until it is resumed.`
                : `Active: the agent sends ${name} messages at humane times and answers simple replies.`}
            </p>
            {RECRUITERS.includes(user.role) && (
              <button
                type="button"
                className={pause ? 'button primary small' : 'button secondary small'}
                disabled={busy}
                onClick={() => void act(pause !== undefined)}
              >
                {pause ? 'Resume the agent' : 'Pause the agent'}
                <span className="visually-hidden"> for {name}</span>
              </button>
            )}
          </div>
        )}
      </Async>
      {error !== null && <ErrorMessage error={error} />}
    </section>
  );
}

const DIRECTION: Record<AgentMessage['direction'], string> = {
  out: 'To the candidate',
  in: 'From the candidate',
};
const CHANNEL: Record<MessageChannel, string> = { email: 'e-mail', sms: 'SMS' };

function TimelinePanel({ candidateId }: { candidateId: string }) {
  const timeline = useApi(() => agentApi.timeline(candidateId), [candidateId]);
  return (
    <section className="card" aria-labelledby="timeline-heading">
      <div className="section-head">
        <h2 id="timeline-heading">Messages</h2>
        <button type="button" className="button secondary small" onClick={timeline.reload}>
          Refresh
        </button>
      </div>
      <Async state={timeline} label="Loading messages…">
        {({ messages }) =>
          messages.length === 0 ? (
            <EmptyState title="No messages yet">
              <p>Invitations, confirmations and replies appear here, oldest first.</p>
            </EmptyState>
          ) : (
            <ol className="timeline" data-testid="timeline">
              {messages.map((m) => (
                <TimelineItem key={m.id} message={m} />
              ))}
            </ol>
          )
        }
      </Async>
    </section>
  );
}

function TimelineItem({ message: m }: { message: AgentMessage }) {
  const inbound = m.direction === 'in';
  const className = [inbound ? 'inbound' : 'outbound', m.needsPerson ? 'needs-person' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <li className={className} data-flow={m.flow} data-status={m.status}>
      <div className="timeline-head">
        <strong>{inbound ? 'Reply' : flowLabel(m.flow)}</strong>
        <span className="muted small">
          {DIRECTION[m.direction]} · {CHANNEL[m.channel]}
        </span>
        <span className={`badge msg-status-${m.status}`}>{m.status}</span>
        {inbound && m.intent && (
          <span className="badge">
            {m.intent.replace(/_/g, ' ')}
            {m.confidence !== null ? ` (${m.confidence.toFixed(2)})` : ''}
          </span>
        )}
        {m.frustrated && <span className="badge flag-frustrated">frustrated</span>}
        {m.needsPerson && <span className="badge msg-status-queued">waiting for a person</span>}
      </div>
      <p className="timeline-times">
        {inbound ? `Received ${formatDateTime(m.createdAt)}` : `Queued ${formatDateTime(m.createdAt)}`}
        {m.status === 'queued' && !inbound ? ` · due ${formatDateTime(m.dueAt)}` : ''}
        {m.sentAt ? ` · sent ${formatDateTime(m.sentAt)}` : ''}
        {m.handledAt ? ` · answered ${formatDateTime(m.handledAt)}` : ''}
        {m.attempts > 1 ? ` · ${m.attempts} attempts` : ''}
      </p>
      {m.note && <p className="timeline-reason">{m.note}</p>}
      {m.lastError && <p className="timeline-reason status-note status-failed">Last error: {m.lastError}</p>}
      <details>
        <summary>
          {inbound ? 'What they wrote' : 'The message'}
          <span className="visually-hidden">
            {' '}
            ({flowLabel(m.flow)}, {formatDateTime(m.createdAt)})
          </span>
        </summary>
        {m.subject && <p className="message-subject">{m.subject}</p>}
        <p className="message-text">{m.body}</p>
      </details>
    </li>
  );
}

function PreviewPanel({ candidateId }: { candidateId: string }) {
  const user = useUser();
  const [flows, setFlows] = useState<readonly string[]>(Object.keys(FLOW_LABEL).filter((f) => f !== 'reply'));
  const [flow, setFlow] = useState('invitation');
  const [channel, setChannel] = useState<MessageChannel | ''>('');
  const [preview, setPreview] = useState<MessagePreview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!RECRUITERS.includes(user.role)) return;
    // Every flow with a template, including those added after this page was written.
    agentApi.templates().then(
      ({ templates }) => setFlows([...new Set(templates.map((t) => t.flow))]),
      () => undefined,
    );
  }, [user.role]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setPreview(null);
    try {
      setPreview(await agentApi.preview(candidateId, flow, channel === '' ? undefined : channel));
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="preview-heading">
      <h2 id="preview-heading">Preview a message</h2>
      <p className="muted small">
        Any message the agent can send, filled with this candidate’s values and your workspace’s wording.
        Nothing is sent.
      </p>
      <form className="preview-form" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor="preview-flow">Message</label>
          <select id="preview-flow" value={flow} onChange={(e) => setFlow(e.target.value)}>
            {flows.map((f) => (
              <option key={f} value={f}>
                {flowLabel(f)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="preview-channel">Channel</label>
          <select
            id="preview-channel"
            value={channel}
            onChange={(e) => setChannel(e.target.value as MessageChannel | '')}
          >
            <option value="">The agent’s choice</option>
            <option value="email">E-mail</option>
            <option value="sms">SMS</option>
          </select>
        </div>
        <button type="submit" className="button secondary" disabled={busy}>
          Preview
        </button>
      </form>
      {error !== null && <ErrorMessage error={error} />}
      {preview && (
        <div className="preview-output" data-testid="candidate-preview">
          <p className="muted small">
            {CHANNEL[preview.channel]} to {preview.to ?? 'no address on record'} ·{' '}
            {preview.customTemplate ? 'your workspace’s wording' : 'the built-in wording'}
          </p>
          {preview.subject && <p className="message-subject">{preview.subject}</p>}
          <p className="message-text">{preview.body}</p>
        </div>
      )}
    </section>
  );
}
