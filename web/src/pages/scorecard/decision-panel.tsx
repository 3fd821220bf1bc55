import { useState, type FormEvent } from 'react';
import { api, type Decision, type PipelineEvent } from '../../api';
import { Async, EmptyState, ErrorMessage } from '../../components/status';
import { formatDateTime, formatStage } from '../../format';
import { useApi } from '../../use-api';

const DECISIONS: readonly { value: Decision; label: string; className: string }[] = [
  { value: 'advance', label: 'Advance', className: 'button primary' },
  { value: 'hold', label: 'Hold', className: 'button secondary' },
  { value: 'reject', label: 'Reject', className: 'button secondary danger' },
];

const DECISION_WORDS: Record<string, string> = {
  advance: 'Advanced',
  hold: 'Put on hold',
  reject: 'Rejected',
};

const MIN_REASON = 3;
const MAX_REASON = 2000;

/**
 * The human decision on an application: advance, hold or reject, each with a written reason, and
 * the history of decisions with who made them and why.
 */
export function DecisionPanel({
  applicationId,
  candidateName,
}: {
  applicationId: string;
  candidateName: string;
}) {
  const detail = useApi(() => api.applications.get(applicationId), [applicationId]);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<Decision | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [invalid, setInvalid] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const decide = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const decision = submitter?.value as Decision | undefined;
    if (!decision) return;
    const text = reason.trim();
    if (text.length < MIN_REASON) {
      setInvalid(true);
      setError(
        new Error(`Write the reason for this decision (at least ${MIN_REASON} characters) before choosing.`),
      );
      document.getElementById('decision-reason')?.focus();
      return;
    }
    setBusy(decision);
    setError(null);
    setInvalid(false);
    setDone(null);
    try {
      const result = await api.applications.decide(applicationId, decision, text);
      setReason('');
      setDone(`Decision recorded: ${candidateName} is now “${formatStage(result.application.stage)}”.`);
      detail.reload();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="card decision" aria-labelledby="decision-heading">
      <h2 id="decision-heading">Decision</h2>
      <p className="muted">
        The scores above are a recommendation. Your decision and its reason are recorded under your name.
      </p>
      <Async state={detail} label="Loading decision history…">
        {(data) => (
          <p>
            Current stage: <strong data-testid="stage">{formatStage(data.application.stage)}</strong>
          </p>
        )}
      </Async>
      <form onSubmit={(e) => void decide(e)} noValidate className="stack" aria-busy={busy !== null}>
        <div className="field">
          <label htmlFor="decision-reason">Reason</label>
          <textarea
            id="decision-reason"
            rows={3}
            required
            aria-required="true"
            aria-invalid={invalid || undefined}
            minLength={MIN_REASON}
            maxLength={MAX_REASON}
            aria-describedby="decision-reason-hint"
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              if (invalid && e.target.value.trim().length >= MIN_REASON) {
                setInvalid(false);
                setError(null);
              }
            }}
          />
          <p className="hint" id="decision-reason-hint">
            Required. Say what in the evidence led to the decision; the candidate may ask to see it.
          </p>
        </div>
        {error !== null && <ErrorMessage error={error} />}
        {done && (
          <p className="success" role="status">
            {done}
          </p>
        )}
        <div className="button-row">
          {DECISIONS.map((d) => (
            <button
              key={d.value}
              type="submit"
              name="decision"
              value={d.value}
              className={d.className}
              disabled={busy !== null}
            >
              {busy === d.value ? `${d.label}…` : d.label}
            </button>
          ))}
        </div>
      </form>
      <h3 className="history-title">History</h3>
      <Async state={detail} label="Loading decision history…">
        {(data) => <History events={data.events.filter((e) => e.kind === 'decision')} />}
      </Async>
    </section>
  );
}

function History({ events }: { events: readonly PipelineEvent[] }) {
  if (events.length === 0) {
    return <EmptyState title="No decision yet">Read the evidence, write a reason, then choose.</EmptyState>;
  }
  const sorted = [...events].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  return (
    <ol className="history" data-testid="decision-history">
      {sorted.map((event) => {
        const payload = (event.payload ?? {}) as { decision?: string; previousStage?: string };
        return (
          <li key={event.id}>
            <div className="history-head">
              <strong>
                {DECISION_WORDS[payload.decision ?? ''] ?? formatStage(payload.decision ?? event.kind)}
              </strong>
              <span className="muted">
                {' '}
                by {event.actorName ?? 'unknown user'} · {formatDateTime(event.occurredAt)}
              </span>
            </div>
            {event.reason && <p className="history-reason">{event.reason}</p>}
            {payload.previousStage && (
              <p className="muted small">Previous stage: {formatStage(payload.previousStage)}</p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
