import { useState, type ChangeEvent, type FormEvent } from 'react';
import { invitationsApi, type InviteRequest, type InviteResult } from '../../api/take';
import { ErrorMessage } from '../../components/status';

/** The default deadline: 14 days from today, as YYYY-MM-DD. */
function inTwoWeeks(): string {
  const date = new Date(Date.now() + 14 * 86_400_000);
  return date.toISOString().slice(0, 10);
}

/**
 * Invites candidates to the job's interview by link: one by name and e-mail, or many from CSV
 * (pasted or uploaded), with the terms of the interview.
 */
export function InviteForm({
  jobId,
  onInvited,
}: {
  jobId: string;
  onInvited: (result: InviteResult) => void;
}) {
  const [mode, setMode] = useState<'one' | 'csv'>('one');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [csv, setCsv] = useState('');
  const [deadline, setDeadline] = useState(inTwoWeeks);
  const [minutes, setMinutes] = useState('2');
  const [prep, setPrep] = useState('30');
  const [retakes, setRetakes] = useState('1');
  const [textAnswers, setTextAnswers] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) setCsv(await file.text());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const terms = {
      deadline,
      answerSeconds: Math.round(Number(minutes) * 60),
      prepSeconds: Math.round(Number(prep)),
      retakes: Math.round(Number(retakes)),
      textAnswers,
    };
    const body: InviteRequest =
      mode === 'one'
        ? { ...terms, candidates: [{ name: name.trim(), email: email.trim() }] }
        : { ...terms, csv };
    try {
      const result = await invitationsApi.invite(jobId, body);
      if (result.invitations.length > 0) {
        setName('');
        setEmail('');
        setCsv('');
      }
      onInvited(result);
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="stack" onSubmit={(e) => void submit(e)} aria-busy={busy} data-testid="invite-form">
      <fieldset className="invite-mode">
        <legend>Who to invite</legend>
        <label className="choice">
          <input type="radio" name="invite-mode" checked={mode === 'one'} onChange={() => setMode('one')} />
          <span>One candidate</span>
        </label>
        <label className="choice">
          <input type="radio" name="invite-mode" checked={mode === 'csv'} onChange={() => setMode('csv')} />
          <span>Several from a CSV (name,email)</span>
        </label>
      </fieldset>
      {mode === 'one' ? (
        <div className="grid-2 invite-fields">
          <div className="field">
            <label htmlFor="invite-name">Candidate name</label>
            <input
              id="invite-name"
              required
              maxLength={200}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="invite-email">Candidate e-mail</label>
            <input
              id="invite-email"
              type="email"
              required
              maxLength={254}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </div>
        </div>
      ) : (
        <>
          <div className="field">
            <label htmlFor="invite-csv">CSV with a header row: name,email</label>
            <textarea
              id="invite-csv"
              rows={5}
              required
              value={csv}
              placeholder={'name,email\nPriya Raman,priya@example.com'}
              onChange={(e) => setCsv(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="invite-csv-file">Or upload a CSV file</label>
            <input
              id="invite-csv-file"
              type="file"
              accept=".csv,text/csv"
              onChange={(e) => void readFile(e)}
            />
          </div>
        </>
      )}
      <fieldset className="invite-terms">
        <legend>Terms</legend>
        <div className="field">
          <label htmlFor="invite-deadline">Deadline (last day)</label>
          <input
            id="invite-deadline"
            type="date"
            required
            value={deadline}
            onChange={(e) => setDeadline(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="invite-minutes">Minutes per answer</label>
          <input
            id="invite-minutes"
            type="number"
            min={0.5}
            max={10}
            step={0.5}
            required
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="invite-prep">Seconds to prepare</label>
          <input
            id="invite-prep"
            type="number"
            min={0}
            max={300}
            required
            value={prep}
            onChange={(e) => setPrep(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="invite-retakes">Retakes per question</label>
          <input
            id="invite-retakes"
            type="number"
            min={0}
            max={5}
            required
            value={retakes}
            onChange={(e) => setRetakes(e.target.value)}
          />
        </div>
        <label className="choice">
          <input type="checkbox" checked={textAnswers} onChange={(e) => setTextAnswers(e.target.checked)} />
          <span>Allow typed answers</span>
        </label>
      </fieldset>
      {error !== null && <ErrorMessage error={error} />}
      <div className="button-row">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Inviting…' : 'Invite'}
        </button>
      </div>
    </form>
  );
}
