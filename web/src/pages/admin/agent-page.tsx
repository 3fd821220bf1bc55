import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError, type JobListItem } from '../../api';
import {
  agentApi,
  flowLabel,
  type AgentCadence,
  type AgentPause,
  type AgentTemplate,
  type RenderedTemplate,
} from '../../api/agent';
import { Async, EmptyState, ErrorMessage } from '../../components/status';
import { formatDateTime } from '../../format';
import { useApi } from '../../use-api';
import { AdminPage } from './admin-nav';
import '../../styles/agent.css';

/**
 * The follow-up agent's settings for the workspace: every template with a live preview (an
 * unknown variable or a stray brace is shown as the server words it, and cannot be saved), the
 * cadence, and pausing the agent per job.
 */
export function AdminAgentPage() {
  return (
    <AdminPage
      title="Follow-up agent"
      intro="What the agent says and when. Changes apply to messages written from now on and are recorded in the activity log."
    >
      <div className="agent-settings">
        <TemplatesSection />
        <CadenceSection />
        <JobPausesSection />
      </div>
    </AdminPage>
  );
}

const keyOf = (t: { flow: string; channel: string }) => `${t.flow}.${t.channel}`;

/** Rows that show the whole text in the editor's column (about 55 characters a line), at most 30. */
function textRows(text: string, least: number): number {
  const lines = text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / 55)), 0);
  return Math.min(30, Math.max(least, lines + 1));
}

function TemplatesSection() {
  const templates = useApi(() => agentApi.templates(), []);
  const [selected, setSelected] = useState('invitation.email');
  return (
    <section className="card" aria-labelledby="templates-heading">
      <h2 id="templates-heading">Templates</h2>
      <Async state={templates} label="Loading templates…">
        {({ templates: list }) => {
          const current = list.find((t) => keyOf(t) === selected) ?? list[0];
          if (!current) return <EmptyState title="No templates" />;
          const replace = (saved: AgentTemplate) =>
            templates.setData({ templates: list.map((t) => (keyOf(t) === keyOf(saved) ? saved : t)) });
          return (
            <div className="stack">
              <div className="field">
                <label htmlFor="template-choice">Template</label>
                <select
                  id="template-choice"
                  value={keyOf(current)}
                  onChange={(e) => setSelected(e.target.value)}
                >
                  {list.map((t) => (
                    <option key={keyOf(t)} value={keyOf(t)}>
                      {flowLabel(t.flow)} — {t.channel === 'sms' ? 'SMS' : 'e-mail'}
                      {t.custom ? ' (edited)' : ''}
                    </option>
                  ))}
                </select>
              </div>
              <TemplateEditor key={keyOf(current)} template={current} onSaved={replace} />
            </div>
          );
        }}
      </Async>
    </section>
  );
}

function TemplateEditor({
  template,
  onSaved,
}: {
  template: AgentTemplate;
  onSaved: (saved: AgentTemplate) => void;
}) {
  const email = template.channel === 'email';
  const [subject, setSubject] = useState(template.subject ?? '');
  const [body, setBody] = useState(template.body);
  const [preview, setPreview] = useState<RenderedTemplate | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [checking, setChecking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const edit = { flow: template.flow, channel: template.channel, body, ...(email ? { subject } : {}) };

  // The live preview: the server checks and fills the text as typed, a moment after typing stops.
  useEffect(() => {
    let current = true;
    setChecking(true);
    const timer = window.setTimeout(() => {
      agentApi.previewTemplate(edit).then(
        (rendered) => {
          if (!current) return;
          setPreview(rendered);
          setProblem(null);
          setChecking(false);
        },
        (cause: unknown) => {
          if (!current) return;
          setProblem(cause);
          setChecking(false);
        },
      );
    }, 250);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [subject, body]);

  const changed = body !== template.body || (email && subject !== (template.subject ?? ''));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setSaveError(null);
    setSaved(false);
    try {
      onSaved(await agentApi.saveTemplate(edit));
      setSaved(true);
    } catch (cause) {
      setSaveError(cause);
    } finally {
      setBusy(false);
    }
  };
  const reset = async () => {
    setBusy(true);
    setSaveError(null);
    try {
      const builtIn = await agentApi.resetTemplate(template.flow, template.channel);
      onSaved(builtIn);
      setSubject(builtIn.subject ?? '');
      setBody(builtIn.body);
      setSaved(false);
    } catch (cause) {
      setSaveError(cause);
    } finally {
      setBusy(false);
    }
  };
  const invalid = problem !== null;
  // The server names the field at fault (`subject` or `body`); only that one is marked.
  const faulty =
    problem instanceof ApiError ? (problem.details as { field?: string } | undefined)?.field : undefined;
  return (
    <div className="template-editor">
      <form className="stack" onSubmit={(e) => void submit(e)} aria-busy={busy}>
        {email && (
          <div className="field">
            <label htmlFor="template-subject">Subject</label>
            <input
              id="template-subject"
              value={subject}
              maxLength={1000}
              onChange={(e) => setSubject(e.target.value)}
              aria-invalid={invalid && faulty === 'subject'}
              aria-describedby="template-problem"
            />
          </div>
        )}
        <div className="field">
          <label htmlFor="template-body">Message</label>
          <textarea
            id="template-body"
            rows={textRows(body, email ? 10 : 4)}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            aria-invalid={invalid && faulty !== 'subject'}
            aria-describedby="template-problem template-variables"
          />
        </div>
        <div id="template-variables">
          <p className="hint">Variables this message can use:</p>
          <ul className="variables">
            {template.variables.map((v) => (
              <li key={v}>
                <code>{`{{${v}}}`}</code>
              </li>
            ))}
          </ul>
        </div>
        <div id="template-problem" aria-live="polite">
          {invalid && <ErrorMessage error={problem} />}
        </div>
        {saveError !== null && <ErrorMessage error={saveError} />}
        {saved && !changed && (
          <p className="success" role="status">
            Saved: the agent uses this wording from now on.
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="button primary" disabled={busy || invalid || checking || !changed}>
            Save template
          </button>
          {template.custom && (
            <button type="button" className="button secondary" disabled={busy} onClick={() => void reset()}>
              Back to the built-in wording
            </button>
          )}
          {template.custom && template.updatedAt && (
            <span className="muted small">
              Edited {formatDateTime(template.updatedAt)} by {template.updatedBy}
            </span>
          )}
        </div>
      </form>
      <div aria-labelledby="template-preview-heading">
        <h3 id="template-preview-heading">Preview</h3>
        <p className="hint">With example values: a candidate called Ana, a job called Support lead.</p>
        {preview && (
          <div data-testid="template-preview" className={invalid ? 'muted' : undefined}>
            {preview.subject !== null && <p className="message-subject">{preview.subject}</p>}
            <p className="message-text">{preview.body}</p>
            {invalid && (
              <p className="muted small">The last preview that worked; fix the message to update it.</p>
            )}
          </div>
        )}
      </div>
    </div>
  );
}

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const hourLabel = (h: number) => `${String(h).padStart(2, '0')}:00`;

function CadenceSection() {
  const cadence = useApi(() => agentApi.cadence(), []);
  return (
    <section className="card" aria-labelledby="cadence-heading">
      <h2 id="cadence-heading">Cadence</h2>
      <Async state={cadence} label="Loading the cadence…">
        {(current) => <CadenceForm current={current} onSaved={cadence.setData} />}
      </Async>
    </section>
  );
}

function CadenceForm({ current, onSaved }: { current: AgentCadence; onSaved: (next: AgentCadence) => void }) {
  const e = current.effective;
  const [start, setStart] = useState(String(e.quietStartHour));
  const [end, setEnd] = useState(String(e.quietEndHour));
  const [weekends, setWeekends] = useState(e.quietWeekends);
  const [cap, setCap] = useState(String(e.weeklyCap));
  const [delay, setDelay] = useState(String(e.statusUpdateDelayHours));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const s = current.server;
  const save = async (change: Parameters<typeof agentApi.saveCadence>[0]) => {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const next = await agentApi.saveCadence(change);
      onSaved(next);
      // "Use the server's settings" changes every field: show what is now in force.
      setStart(String(next.effective.quietStartHour));
      setEnd(String(next.effective.quietEndHour));
      setWeekends(next.effective.quietWeekends);
      setCap(String(next.effective.weeklyCap));
      setDelay(String(next.effective.statusUpdateDelayHours));
      setSaved(true);
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save({
      quietStartHour: Number(start),
      quietEndHour: Number(end),
      quietWeekends: weekends,
      weeklyCap: Number(cap),
      statusUpdateDelayHours: Number(delay),
    });
  };
  const own = Object.values(current.workspace).some((v) => v !== null);
  return (
    <form className="stack" onSubmit={submit} aria-busy={busy}>
      <p className="muted small">
        Quiet hours are the candidate’s local time (their time zone, else {e.defaultTimeZone}). Replies to
        what a candidate just did go at once.
      </p>
      <div className="cadence-grid">
        <div className="field">
          <label htmlFor="quiet-start">Quiet from</label>
          <select
            id="quiet-start"
            value={start}
            onChange={(ev) => setStart(ev.target.value)}
            aria-describedby="quiet-hint"
          >
            {HOURS.map((h) => (
              <option key={h} value={h}>
                {hourLabel(h)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="quiet-end">Quiet until</label>
          <select
            id="quiet-end"
            value={end}
            onChange={(ev) => setEnd(ev.target.value)}
            aria-describedby="quiet-hint"
          >
            {HOURS.map((h) => (
              <option key={h} value={h}>
                {hourLabel(h)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="weekly-cap">Messages per candidate per 7 days</label>
          <input
            id="weekly-cap"
            type="number"
            inputMode="numeric"
            min={1}
            max={50}
            required
            value={cap}
            onChange={(ev) => setCap(ev.target.value)}
            aria-describedby="cap-hint"
          />
          <p className="hint" id="cap-hint">
            Server: {s.weeklyCap}. Replies and confirmations do not count.
          </p>
        </div>
        <div className="field">
          <label htmlFor="status-delay">Status update after (hours without news)</label>
          <input
            id="status-delay"
            type="number"
            inputMode="numeric"
            min={1}
            max={720}
            required
            value={delay}
            onChange={(ev) => setDelay(ev.target.value)}
            aria-describedby="delay-hint"
          />
          <p className="hint" id="delay-hint">
            Server: {s.statusUpdateDelayHours}.
          </p>
        </div>
      </div>
      <p className="hint" id="quiet-hint">
        Server: {hourLabel(s.quietStartHour)} to {hourLabel(s.quietEndHour)}
        {s.quietWeekends ? ', and weekends' : ''}.
      </p>
      <label className="choice" htmlFor="quiet-weekends">
        <input
          id="quiet-weekends"
          type="checkbox"
          checked={weekends}
          onChange={(ev) => setWeekends(ev.target.checked)}
        />
        Quiet all weekend (Saturday and Sunday)
      </label>
      {error !== null && <ErrorMessage error={error} />}
      {saved && (
        <p className="success" role="status">
          Saved.
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button primary" disabled={busy}>
          Save cadence
        </button>
        {own && (
          <button
            type="button"
            className="button secondary"
            disabled={busy}
            onClick={() =>
              void save({
                quietStartHour: null,
                quietEndHour: null,
                quietWeekends: null,
                weeklyCap: null,
                statusUpdateDelayHours: null,
              })
            }
          >
            Use the server’s settings
          </button>
        )}
        {current.updatedAt && (
          <span className="muted small">
            Last changed {formatDateTime(current.updatedAt)} by {current.updatedBy}
          </span>
        )}
      </div>
    </form>
  );
}

function JobPausesSection() {
  const data = useApi(async () => {
    const [{ jobs }, { pauses }] = await Promise.all([api.jobs.list(), agentApi.pauses()]);
    return { jobs, pauses };
  }, []);
  return (
    <section className="card" aria-labelledby="job-pauses-heading">
      <h2 id="job-pauses-heading">Pause per job</h2>
      <p className="muted small">
        While a job is paused nothing is sent to its candidates: queued messages wait and go once you resume.
        To pause one candidate, open them from the job’s invitations or the inbox.
      </p>
      <Async state={data} label="Loading jobs…">
        {({ jobs, pauses }) =>
          jobs.length === 0 ? (
            <EmptyState title="No jobs yet" />
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Job</th>
                    <th scope="col">Agent</th>
                    <th scope="col">
                      <span className="visually-hidden">Action</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {jobs.map((job) => (
                    <JobPauseRow
                      key={job.id}
                      job={job}
                      pause={pauses.find((p) => p.subjectType === 'job' && p.subjectId === job.id)}
                      onChange={data.reload}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Async>
    </section>
  );
}

function JobPauseRow({
  job,
  pause,
  onChange,
}: {
  job: JobListItem;
  pause: AgentPause | undefined;
  onChange: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const toggle = async () => {
    setBusy(true);
    setError(null);
    try {
      await (pause ? agentApi.resume({ jobId: job.id }) : agentApi.pause({ jobId: job.id }));
      onChange();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
  return (
    <tr>
      <th scope="row">{job.title}</th>
      <td>
        {pause ? `Paused by ${pause.pausedBy}, ${formatDateTime(pause.pausedAt)}` : 'Active'}
        {error !== null && <ErrorMessage error={error} />}
      </td>
      <td className="row-actions">
        <button
          type="button"
          className="button secondary small"
          disabled={busy}
          onClick={() => void toggle()}
        >
          {pause ? 'Resume' : 'Pause'}
          <span className="visually-hidden"> the agent for {job.title}</span>
        </button>
      </td>
    </tr>
  );
}
