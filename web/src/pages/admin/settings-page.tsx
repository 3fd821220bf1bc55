import { useState, type FormEvent } from 'react';
import { adminApi, type WorkspaceSettings } from '../../api/admin';
import { Async, ErrorMessage } from '../../components/status';
import { formatDateTime } from '../../format';
import { useApi } from '../../use-api';
import { AdminPage } from './admin-nav';

/** The workspace's name, response target, retention placeholder, voice-signal opt-in and events line. */
export function AdminSettingsPage() {
  const settings = useApi(() => adminApi.settings.get(), []);
  return (
    <AdminPage title="Workspace settings" intro="Changes are recorded in the activity log.">
      <Async state={settings} label="Loading settings…">
        {(current) => <SettingsForm current={current} onSaved={settings.setData} />}
      </Async>
    </AdminPage>
  );
}

function SettingsForm({
  current,
  onSaved,
}: {
  current: WorkspaceSettings;
  onSaved: (saved: WorkspaceSettings) => void;
}) {
  const [name, setName] = useState(current.name);
  const [target, setTarget] = useState(String(current.responseTargetDays));
  const [retention, setRetention] = useState(
    current.retentionDays === null ? '' : String(current.retentionDays),
  );
  const [scoreVoice, setScoreVoice] = useState(current.scoreVoice);
  const [eventsLine, setEventsLine] = useState(current.eventsLine ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const next = await adminApi.settings.update({
        name: name.trim(),
        responseTargetDays: Number(target),
        retentionDays: retention.trim() === '' ? null : Number(retention),
        scoreVoice,
        // Blank removes the line.
        eventsLine: eventsLine.trim(),
      });
      onSaved(next);
      setSaved(true);
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card settings" aria-labelledby="settings-form">
      <h2 id="settings-form">Settings</h2>
      <form className="stack" onSubmit={(e) => void submit(e)} aria-busy={busy}>
        <div className="field">
          <label htmlFor="ws-name">Workspace name</label>
          <input
            id="ws-name"
            required
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <p className="hint">
            People sign in to <code>{current.slug}</code>; that stays the same.
          </p>
        </div>
        <div className="field">
          <label htmlFor="ws-target">Response target (business days)</label>
          <input
            id="ws-target"
            type="number"
            inputMode="numeric"
            min={1}
            max={60}
            required
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            aria-describedby="ws-target-hint"
          />
          <p className="hint" id="ws-target-hint">
            When candidates hear back: shown on the candidate&apos;s finish page and used by the follow-up
            agent. Default 5.
          </p>
        </div>
        <div className="field">
          <label htmlFor="ws-retention">
            Keep interviews for (days) <span className="optional">(optional)</span>
          </label>
          <input
            id="ws-retention"
            type="number"
            inputMode="numeric"
            min={1}
            max={3650}
            value={retention}
            onChange={(e) => setRetention(e.target.value)}
            aria-describedby="ws-retention-hint"
          />
          <p className="notice" id="ws-retention-hint">
            Stored only: deleting data after this many days is enforced by the privacy issue, not yet.
          </p>
        </div>
        <div className="field">
          <label className="choice" htmlFor="ws-voice">
            <input
              id="ws-voice"
              type="checkbox"
              checked={scoreVoice}
              onChange={(e) => setScoreVoice(e.target.checked)}
              aria-describedby="ws-voice-hint"
            />
            Let voice signals count towards scores
          </label>
          <p className="hint" id="ws-voice-hint">
            Pitch range and articulation rate are always reported on recordings; with this on they also count
            towards competency scores of new analyses (like <code>--score-voice</code> on the command line).
          </p>
        </div>
        <div className="field">
          <label htmlFor="ws-events">
            Events line in declines <span className="optional">(optional)</span>
          </label>
          <textarea
            id="ws-events"
            rows={2}
            maxLength={300}
            value={eventsLine}
            onChange={(e) => setEventsLine(e.target.value)}
            aria-describedby="ws-events-hint"
          />
          <p className="hint" id="ws-events-hint">
            One line the follow-up agent adds to e-mailed declines, e.g. &ldquo;Meet us at the Leeds careers
            fair on 12 March.&rdquo; Up to 300 characters ({eventsLine.trim().length} now); blank: none.
          </p>
        </div>
        {error !== null && <ErrorMessage error={error} />}
        {saved && (
          <p className="success" role="status">
            Saved.
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save settings'}
          </button>
          {current.updatedAt && (
            <span className="muted small">
              Last changed {formatDateTime(current.updatedAt)} by {current.updatedBy}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
