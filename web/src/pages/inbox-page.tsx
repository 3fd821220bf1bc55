import { useEffect, useState, type FormEvent } from 'react';
import { agentApi, type AgentMessage, type InboxReply, type ReplyDraft } from '../api/agent';
import { Async, EmptyState, ErrorMessage, Loading } from '../components/status';
import { formatDateTime } from '../format';
import { PageHeader } from '../page';
import { Link } from '../router';
import { useApi } from '../use-api';
import '../styles/agent.css';

/**
 * The recruiters' inbox: candidates' replies the agent handed to a person, oldest first, each
 * with the reason, a timer since it arrived, and a suggested answer to edit and send (queued at
 * once to the address it came from), or to mark handled after answering another way.
 */
export function InboxPage() {
  const inbox = useApi(() => agentApi.inbox(), []);
  return (
    <div className="page">
      <PageHeader title="Inbox">
        <p className="muted">
          Replies the follow-up agent left for a person, oldest first: questions, frustration, anything it was
          not sure of.
        </p>
      </PageHeader>
      <Async state={inbox} label="Loading the inbox…">
        {({ replies }) =>
          replies.length === 0 ? (
            <EmptyState title="Nothing is waiting for a person">
              <p>Replies the agent cannot answer on its own appear here.</p>
            </EmptyState>
          ) : (
            <ol className="inbox-list">
              {replies.map((r) => (
                <li key={r.id}>
                  <InboxItem reply={r} />
                </li>
              ))}
            </ol>
          )
        }
      </Async>
    </div>
  );
}

/** "2 d 4 h", "3 h 05 min", "12 min 09 s", "40 s": how long since `since`, ticking every second. */
export function Waiting({ since }: { since: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.floor((now - Date.parse(since)) / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const text =
    d > 0 ? `${d} d ${h} h` : h > 0 ? `${h} h ${pad(m)} min` : m > 0 ? `${m} min ${pad(s)} s` : `${s} s`;
  return (
    <span className="waiting" data-testid="waiting">
      waiting {text}
    </span>
  );
}

type Outcome = { kind: 'answered'; answer: AgentMessage } | { kind: 'handled' };

function InboxItem({ reply }: { reply: InboxReply }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const who = reply.candidateName ?? `Unknown sender ${reply.fromAddress ?? ''}`.trim();
  const headingId = `reply-${reply.id}`;
  return (
    <article className="card inbox-item" aria-labelledby={headingId} data-testid="inbox-item">
      <div className="inbox-head">
        <h2 id={headingId}>
          {reply.candidateId ? <Link to={`/candidates/${reply.candidateId}`}>{who}</Link> : who}
        </h2>
        {outcome === null ? (
          <Waiting since={reply.createdAt} />
        ) : (
          <span className="badge msg-status-sent">
            {outcome.kind === 'answered' ? 'answered' : 'handled'}
          </span>
        )}
      </div>
      <p className="muted small">
        {reply.channel === 'sms' ? 'SMS' : 'E-mail'} from {reply.fromAddress ?? 'unknown'} · received{' '}
        {formatDateTime(reply.createdAt)}
        {reply.intent ? ` · ${reply.intent.replace(/_/g, ' ')}` : ''}
        {reply.frustrated ? ' · ' : ''}
        {reply.frustrated && <span className="badge flag-frustrated">frustrated</span>}
      </p>
      {reply.note && <p className="notice">Why a person: {reply.note}</p>}
      <div className="inbox-grid">
        <div>
          <h3>They wrote</h3>
          {reply.subject && <p className="message-subject">{reply.subject}</p>}
          <p className="message-text">{reply.body}</p>
        </div>
        <div>
          {outcome?.kind === 'answered' ? (
            <div className="success" role="status" data-testid="answer-queued">
              <p>
                Your answer to {outcome.answer.toAddress} is {outcome.answer.status}: it goes at once.{' '}
                {reply.candidateId && <Link to={`/candidates/${reply.candidateId}`}>See the timeline</Link>}
              </p>
            </div>
          ) : outcome?.kind === 'handled' ? (
            <p className="success" role="status">
              Marked handled.
            </p>
          ) : reply.candidateId === null ? (
            <Unmatched reply={reply} onDone={() => setOutcome({ kind: 'handled' })} />
          ) : (
            <DraftForm reply={reply} onDone={setOutcome} />
          )}
        </div>
      </div>
    </article>
  );
}

function Unmatched({ reply, onDone }: { reply: InboxReply; onDone: () => void }) {
  return (
    <>
      <h3>Answer</h3>
      <p className="muted small">
        This address is not matched to a candidate: answer from your own mailbox, then mark it handled.
      </p>
      <HandledButton reply={reply} onDone={onDone} />
    </>
  );
}

function HandledButton({ reply, onDone }: { reply: InboxReply; onDone: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <>
      <button
        type="button"
        className="button secondary"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          agentApi.markHandled(reply.id).then(onDone, (cause: unknown) => {
            setError(cause);
            setBusy(false);
          });
        }}
      >
        Mark handled
      </button>
      {error !== null && <ErrorMessage error={error} />}
    </>
  );
}

function DraftForm({ reply, onDone }: { reply: InboxReply; onDone: (outcome: Outcome) => void }) {
  const draft = useApi(() => agentApi.draft(reply.id), [reply.id]);
  return draft.data === undefined ? (
    draft.error ? (
      <ErrorMessage error={draft.error} retry={draft.reload} />
    ) : (
      <Loading label="Writing a draft…" />
    )
  ) : (
    <DraftEditor reply={reply} draft={draft.data} onDone={onDone} />
  );
}

const TEMPLATE_WORDS: Record<ReplyDraft['template'], string> = {
  status: 'where the application stands',
  apology: 'an apology with a date',
  holding: 'a holding reply with a date',
};

function DraftEditor({
  reply,
  draft,
  onDone,
}: {
  reply: InboxReply;
  draft: ReplyDraft;
  onDone: (outcome: Outcome) => void;
}) {
  const [subject, setSubject] = useState(draft.subject ?? '');
  const [body, setBody] = useState(draft.body);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const ids = { subject: `subject-${reply.id}`, body: `body-${reply.id}`, hint: `hint-${reply.id}` };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { answer } = await agentApi.answer(reply.id, {
        body,
        ...(draft.channel === 'email' ? { subject } : {}),
      });
      onDone({ kind: 'answered', answer });
    } catch (cause) {
      setError(cause);
      setBusy(false);
    }
  };
  return (
    <form className="stack" onSubmit={(e) => void submit(e)} aria-busy={busy}>
      <h3>Your answer</h3>
      <p className="hint" id={ids.hint}>
        Suggested: {TEMPLATE_WORDS[draft.template]}, from your templates. Edit it before sending; it goes to{' '}
        {draft.to}.
      </p>
      {draft.channel === 'email' && (
        <div className="field">
          <label htmlFor={ids.subject}>Subject</label>
          <input
            id={ids.subject}
            value={subject}
            maxLength={1000}
            onChange={(e) => setSubject(e.target.value)}
          />
        </div>
      )}
      <div className="field">
        <label htmlFor={ids.body}>Message</label>
        <textarea
          id={ids.body}
          rows={8}
          required
          value={body}
          aria-describedby={ids.hint}
          onChange={(e) => setBody(e.target.value)}
        />
      </div>
      {error !== null && <ErrorMessage error={error} />}
      <div className="button-row">
        <button type="submit" className="button primary" disabled={busy || body.trim() === ''}>
          Send<span className="visually-hidden"> the answer to {reply.candidateName}</span>
        </button>
        <HandledButton reply={reply} onDone={() => onDone({ kind: 'handled' })} />
      </div>
    </form>
  );
}
